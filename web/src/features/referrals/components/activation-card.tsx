import { useId, useState, type FormEvent } from 'react';
import { Button, Card, Form, Spinner } from 'react-bootstrap';
import { Notice } from '../../../components/ui/notice';
import { ApiError } from '../../../lib/api-error';
import type { Me } from '../../../lib/api-types';
import { errorMessage } from '../../../lib/error-message';
import { useI18n } from '../../../lib/i18n';
import { normalizeInviteCode } from '../../../lib/invite-code';
import { pendingInvite } from '../../../lib/pending-invite';
import { useActivateInvite } from '../api/activate-invite';

interface ActivationCardProps {
  invitedBy: Me['invitedBy'];
  ownCode: string;
}

/** The one-time activation form while the user has none; afterwards, who invited them and when. */
export function ActivationCard({ invitedBy, ownCode }: ActivationCardProps) {
  const { t, formatDate } = useI18n();
  const [activated, setActivated] = useState<string | null>(null);

  return (
    <Card className="shadow-sm">
      <Card.Body>
        <h2 className="h5">{t('referrals.activate.title')}</h2>
        <div aria-live="polite">
          {activated ? <Notice variant="success">{t('referrals.activate.success', { code: activated })}</Notice> : null}
        </div>
        {invitedBy ? (
          <p className="mb-0" data-testid="invited-by">
            {t('referrals.invitedBy', { code: invitedBy.inviteCode, date: formatDate(invitedBy.activatedAt) })}
          </p>
        ) : (
          <ActivationForm ownCode={ownCode} onActivated={setActivated} />
        )}
      </Card.Body>
    </Card>
  );
}

function initialCode(ownCode: string): string {
  const pending = pendingInvite.read();
  if (!pending || pending === ownCode) return '';
  return pending;
}

export function ActivationForm({ ownCode, onActivated }: { ownCode: string; onActivated: (code: string) => void }) {
  const { t } = useI18n();
  const id = useId();
  const [prefilled] = useState(() => initialCode(ownCode));
  const [value, setValue] = useState(prefilled);
  const [submitted, setSubmitted] = useState(false);
  const activate = useActivateInvite();
  const code = normalizeInviteCode(value);

  let error: string | null = null;
  if (submitted && value.trim() === '') error = t('referrals.activate.required');
  else if (submitted && !code) error = t('referrals.activate.format');
  else if (activate.error instanceof ApiError && activate.error.code === 'validation_failed') error = t('referrals.activate.format');
  else if (activate.error) error = errorMessage(t, activate.error);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSubmitted(true);
    if (!code || activate.isPending) return;
    activate.mutate(code, {
      onSuccess: () => {
        pendingInvite.forget();
        onActivated(code);
      },
    });
  };

  const helpId = `${id}-help`;
  const errorId = `${id}-error`;
  return (
    <>
      <p className="text-body-secondary">{t('referrals.activate.lead')}</p>
      {prefilled && value === prefilled ? <Notice variant="info">{t('referrals.activate.prefilled')}</Notice> : null}
      <Form noValidate onSubmit={submit}>
        <Form.Group className="mb-3" controlId={`${id}-invite`}>
          <Form.Label>{t('referrals.activate.label')}</Form.Label>
          <Form.Control
            className="font-monospace text-uppercase invite-input"
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            maxLength={12}
            value={value}
            isInvalid={error !== null}
            aria-invalid={error !== null}
            aria-describedby={`${helpId}${error ? ` ${errorId}` : ''}`}
            onChange={(event) => {
              setValue(event.target.value);
              if (activate.isError) activate.reset();
            }}
          />
          {error ? (
            <Form.Control.Feedback type="invalid" id={errorId} role="alert">
              {error}
            </Form.Control.Feedback>
          ) : null}
          <Form.Text id={helpId} className="d-block">
            {t('referrals.activate.help')}
          </Form.Text>
        </Form.Group>
        <Button type="submit" disabled={activate.isPending}>
          {activate.isPending ? (
            <>
              <Spinner animation="border" size="sm" className="me-2" aria-hidden="true" />
              {t('referrals.activate.submitting')}
            </>
          ) : (
            t('referrals.activate.submit')
          )}
        </Button>
      </Form>
    </>
  );
}

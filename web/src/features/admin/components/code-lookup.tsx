import { useId, useState, type FormEvent } from 'react';
import { Button, Card, Form, InputGroup } from 'react-bootstrap';
import { ActivationsTable } from '../../../components/ui/activations-table';
import { useSearchParams } from 'react-router';
import { ErrorState } from '../../../components/ui/error-state';
import { LoadingState } from '../../../components/ui/loading-state';
import { ApiError } from '../../../lib/api-error';
import { errorMessage } from '../../../lib/error-message';
import { useI18n } from '../../../lib/i18n';
import { normalizeInviteCode } from '../../../lib/invite-code';
import { formatPhone } from '../../../lib/phone';
import { useCodeReferrals } from '../api/get-code-referrals';
import { LoadMore } from '../../../components/ui/load-more';

/** The seed's `/api/list?invite_cod=` as a page: a code's owner and every phone that activated it. */
export function CodeLookup() {
  const { t, formatNumber } = useI18n();
  const id = useId();
  const [params, setParams] = useSearchParams();
  const current = params.get('code');
  const [value, setValue] = useState(current ?? '');
  const [formatError, setFormatError] = useState(false);
  const lookup = useCodeReferrals(current);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const code = normalizeInviteCode(value);
    setFormatError(code === null);
    if (!code) return;
    setValue(code);
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      next.set('code', code);
      return next;
    });
  };

  const notFound = lookup.error instanceof ApiError && lookup.error.code === 'invite_code_not_found';
  const fieldError = formatError ? t('referrals.activate.format') : notFound ? errorMessage(t, lookup.error) : null;
  const items = lookup.data?.pages.flatMap((page) => page.items) ?? [];
  const first = lookup.data?.pages[0];

  return (
    <Card className="shadow-sm">
      <Card.Body>
        <h2 className="h5">{t('admin.lookup.title')}</h2>
        <Form noValidate onSubmit={submit} className="mb-3 lookup-form">
          <Form.Label htmlFor={`${id}-code`}>{t('admin.lookup.label')}</Form.Label>
          <InputGroup hasValidation>
            <Form.Control
              id={`${id}-code`}
              className="font-monospace text-uppercase"
              autoComplete="off"
              spellCheck={false}
              value={value}
              isInvalid={fieldError !== null}
              aria-invalid={fieldError !== null}
              aria-describedby={fieldError ? `${id}-error` : undefined}
              onChange={(event) => {
                setValue(event.target.value);
                setFormatError(false);
              }}
            />
            <Button type="submit">{t('admin.lookup.submit')}</Button>
            <Form.Control.Feedback type="invalid" id={`${id}-error`} role="alert">
              {fieldError}
            </Form.Control.Feedback>
          </InputGroup>
        </Form>
        {current && lookup.isPending ? <LoadingState /> : null}
        {lookup.isError && !notFound ? <ErrorState error={lookup.error} onRetry={() => void lookup.refetch()} /> : null}
        {first ? (
          <section aria-live="polite" data-testid="lookup-result">
            <p className="mb-1 fw-semibold">
              {t('admin.lookup.owner', { code: first.owner.inviteCode, phone: formatPhone(first.owner.phone) })}
            </p>
            <p className="small text-body-secondary">{t('admin.lookup.total', { count: formatNumber(first.total) })}</p>
            {items.length === 0 ? (
              <p className="text-body-secondary mb-0">{t('admin.lookup.empty')}</p>
            ) : (
              <ActivationsTable items={items} caption={t('admin.lookup.owner', { code: first.owner.inviteCode, phone: formatPhone(first.owner.phone) })} />
            )}
            <LoadMore hasMore={lookup.hasNextPage} loading={lookup.isFetchingNextPage} onMore={() => void lookup.fetchNextPage()} />
          </section>
        ) : null}
      </Card.Body>
    </Card>
  );
}

import { useId, useState, type ClipboardEvent, type FormEvent } from 'react';
import { Button, Form, Spinner } from 'react-bootstrap';
import { Notice } from '../../../components/ui/notice';
import { ApiError } from '../../../lib/api-error';
import type { CodeRequested } from '../../../lib/api-types';
import { errorMessage } from '../../../lib/error-message';
import { useI18n } from '../../../lib/i18n';
import { formatPhone } from '../../../lib/phone';
import { useCountdown } from '../../../lib/use-countdown';
import { useVerifyCode } from '../api/verify-code';
import { ResendCode } from './resend-code';

interface CodeFormProps {
  sent: CodeRequested;
  onResent: (result: CodeRequested) => void;
  onVerified: () => void;
  onChangeNumber: () => void;
}

function digitsOf(text: string, length: number): string {
  return text.replace(/\D/g, '').slice(0, length);
}

/** Step two: the code (typed or pasted), resend with a countdown, and "change number". */
export function CodeForm({ sent, onResent, onVerified, onChangeNumber }: CodeFormProps) {
  const { t } = useI18n();
  const id = useId();
  // The server says how long its codes are (OTP_LENGTH), so the form follows its configuration.
  const codeLength = sent.codeLength;
  const [code, setCode] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const [lockedUntil, setLockedUntil] = useState<number | null>(null);
  const lockedFor = useCountdown(lockedUntil);
  const verify = useVerifyCode();

  const formatError = submitted && code.length !== codeLength ? t('signIn.code.required', { count: codeLength }) : null;
  const badShape = verify.error instanceof ApiError && verify.error.code === 'validation_failed';
  const verifyError = badShape
    ? t('signIn.code.required', { count: codeLength })
    : verify.error
      ? errorMessage(t, verify.error, lockedUntil ? lockedFor : undefined)
      : null;
  const codeError = formatError ?? verifyError;

  const change = (value: string) => {
    setCode(digitsOf(value, codeLength));
    if (verify.isError) verify.reset();
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSubmitted(true);
    if (code.length !== codeLength || verify.isPending) return;
    verify.mutate(
      { phone: sent.phone, code },
      {
        onSuccess: onVerified,
        onError: (failure) => {
          if (failure instanceof ApiError && failure.retryAfter) setLockedUntil(Date.now() + failure.retryAfter * 1000);
        },
      },
    );
  };

  const paste = (event: ClipboardEvent<HTMLInputElement>) => {
    event.preventDefault();
    change(event.clipboardData.getData('text'));
  };

  const helpId = `${id}-help`;
  const errorId = `${id}-error`;
  return (
    <>
      <p className="mb-3">{t('signIn.code.sentTo', { phone: formatPhone(sent.phone) })}</p>
      {sent.devCode ? <DemoCode code={sent.devCode} /> : null}
      <Form noValidate onSubmit={submit}>
        <Form.Group className="mb-3" controlId={`${id}-code`}>
          <Form.Label>{t('signIn.code.label')}</Form.Label>
          <Form.Control
            className="otp-input"
            size="lg"
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern="[0-9]*"
            autoFocus
            value={code}
            isInvalid={codeError !== null}
            aria-invalid={codeError !== null}
            aria-describedby={`${helpId}${codeError ? ` ${errorId}` : ''}`}
            onPaste={paste}
            onChange={(event) => change(event.target.value)}
          />
          {codeError ? (
            <Form.Control.Feedback type="invalid" id={errorId} role="alert">
              {codeError}
            </Form.Control.Feedback>
          ) : null}
          <Form.Text id={helpId} className="d-block">
            {t('signIn.code.help', { count: codeLength })}
          </Form.Text>
        </Form.Group>
        <Button type="submit" size="lg" className="w-100 mb-3" disabled={verify.isPending}>
          {verify.isPending ? (
            <>
              <Spinner animation="border" size="sm" className="me-2" aria-hidden="true" />
              {t('signIn.verifying')}
            </>
          ) : (
            t('signIn.submit')
          )}
        </Button>
      </Form>
      <div className="d-flex flex-wrap gap-2 justify-content-between align-items-center">
        <ResendCode
          sent={sent}
          onResent={(result) => {
            setCode('');
            setSubmitted(false);
            verify.reset();
            onResent(result);
          }}
        />
        <Button variant="link" onClick={onChangeNumber}>
          {t('signIn.changeNumber')}
        </Button>
      </div>
    </>
  );
}

/** The seed's imitation of an SMS: in demo mode the code is shown, clearly marked as such. */
function DemoCode({ code }: { code: string }) {
  const { t } = useI18n();
  return (
    <Notice variant="warning" className="demo-banner">
      <h2 className="h6 mb-1 alert-heading fw-semibold">{t('signIn.demo.title')}</h2>
      {t('signIn.demo.text')}{' '}
      <strong className="font-monospace fs-4 ms-1" data-testid="dev-code">
        {code}
      </strong>
    </Notice>
  );
}

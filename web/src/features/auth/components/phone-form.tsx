import { useId, useState, type FormEvent } from 'react';
import { Button, Form, Spinner } from 'react-bootstrap';
import { ApiError } from '../../../lib/api-error';
import type { CodeRequested } from '../../../lib/api-types';
import { errorMessage } from '../../../lib/error-message';
import { useI18n } from '../../../lib/i18n';
import { checkPhone } from '../../../lib/phone';
import { useCountdown } from '../../../lib/use-countdown';
import { useRequestCode } from '../api/request-code';

interface PhoneFormProps {
  initialPhone: string;
  onCodeSent: (result: CodeRequested, typed: string) => void;
}

const REASON_KEYS = {
  required: 'signIn.phone.required',
  chars: 'signIn.phone.chars',
  invalid: 'signIn.phone.invalid',
} as const;

/** Step one: the phone number, checked as typed and shown normalised; server errors land under it. */
export function PhoneForm({ initialPhone, onCodeSent }: PhoneFormProps) {
  const { t } = useI18n();
  const id = useId();
  const [phone, setPhone] = useState(initialPhone);
  const [submitted, setSubmitted] = useState(false);
  const [waitUntil, setWaitUntil] = useState<number | null>(null);
  const secondsLeft = useCountdown(waitUntil);
  const request = useRequestCode();

  const check = checkPhone(phone);
  const serverError = request.error;
  const rateLimited = serverError instanceof ApiError && serverError.code === 'rate_limited' && secondsLeft > 0;

  let error: string | null = null;
  if (submitted && !check.ok) error = t(REASON_KEYS[check.reason]);
  else if (serverError instanceof ApiError && serverError.code === 'validation_failed') error = t('signIn.phone.invalid');
  else if (serverError instanceof ApiError && serverError.code === 'rate_limited')
    error = secondsLeft > 0 ? errorMessage(t, serverError, secondsLeft) : null;
  else if (serverError) error = errorMessage(t, serverError);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSubmitted(true);
    if (!check.ok || request.isPending || rateLimited) return;
    request.mutate(check.e164, {
      onSuccess: (result) => onCodeSent(result, phone),
      onError: (failure) => {
        if (failure instanceof ApiError && failure.retryAfter) setWaitUntil(Date.now() + failure.retryAfter * 1000);
      },
    });
  };

  const helpId = `${id}-help`;
  const errorId = `${id}-error`;
  return (
    <Form noValidate onSubmit={submit}>
      <Form.Group className="mb-3" controlId={`${id}-phone`}>
        <Form.Label>{t('signIn.phone.label')}</Form.Label>
        <Form.Control
          type="tel"
          inputMode="tel"
          autoComplete="tel"
          size="lg"
          autoFocus
          value={phone}
          placeholder="+7 999 123-45-67"
          isInvalid={error !== null}
          aria-invalid={error !== null}
          aria-describedby={`${helpId}${error ? ` ${errorId}` : ''}`}
          onChange={(event) => {
            setPhone(event.target.value);
            if (request.isError) request.reset();
          }}
        />
        {error ? (
          <Form.Control.Feedback type="invalid" id={errorId} role="alert">
            {error}
          </Form.Control.Feedback>
        ) : null}
        <Form.Text id={helpId} className="d-block min-line" aria-live="polite">
          {check.ok ? t('signIn.phone.normalized', { phone: check.display }) : t('signIn.phone.help')}
        </Form.Text>
      </Form.Group>
      <Button type="submit" size="lg" className="w-100" disabled={request.isPending || rateLimited}>
        {request.isPending ? (
          <>
            <Spinner animation="border" size="sm" className="me-2" aria-hidden="true" />
            {t('signIn.sending')}
          </>
        ) : (
          t('signIn.getCode')
        )}
      </Button>
    </Form>
  );
}

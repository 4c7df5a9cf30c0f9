import { useState } from 'react';
import { Button } from 'react-bootstrap';
import { ApiError } from '../../../lib/api-error';
import type { CodeRequested } from '../../../lib/api-types';
import { errorMessage } from '../../../lib/error-message';
import { useI18n } from '../../../lib/i18n';
import { useCountdown } from '../../../lib/use-countdown';
import { useRequestCode } from '../api/request-code';

function clock(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/** "Send the code again", locked for `resendAfter` seconds (or the server's Retry-After). */
export function ResendCode({ sent, onResent }: { sent: CodeRequested; onResent: (result: CodeRequested) => void }) {
  const { t } = useI18n();
  const [resendAt, setResendAt] = useState(() => Date.now() + sent.resendAfter * 1000);
  const resendIn = useCountdown(resendAt);
  const resend = useRequestCode();

  const askAgain = () => {
    resend.mutate(sent.phone, {
      onSuccess: (result) => {
        setResendAt(Date.now() + result.resendAfter * 1000);
        onResent(result);
      },
      onError: (failure) => {
        if (failure instanceof ApiError && failure.retryAfter) setResendAt(Date.now() + failure.retryAfter * 1000);
      },
    });
  };

  return (
    <>
      <Button variant="outline-secondary" onClick={askAgain} disabled={resendIn > 0 || resend.isPending}>
        {resendIn > 0 ? t('signIn.resendIn', { time: clock(resendIn) }) : t('signIn.resend')}
      </Button>
      <div aria-live="polite" className="mt-2 min-line w-100 order-last">
        {resend.isSuccess ? <span className="text-success">{t('signIn.resent')}</span> : null}
        {resend.error ? (
          <span className="text-danger">{errorMessage(t, resend.error, resendIn > 0 ? resendIn : undefined)}</span>
        ) : null}
      </div>
    </>
  );
}

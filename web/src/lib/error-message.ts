import { ApiError } from './api-error';
import { formatDuration, type MessageKey, type Translate } from './i18n';

const KNOWN: Partial<Record<string, MessageKey>> = {
  code_expired: 'errors.code_expired',
  sms_failed: 'errors.sms_failed',
  validation_failed: 'errors.validation_failed',
  network_error: 'errors.network_error',
  service_unavailable: 'errors.service_unavailable',
  server_error: 'errors.server_error',
  unauthorized: 'errors.unauthorized',
  forbidden: 'errors.forbidden',
  not_found: 'errors.not_found',
  invite_code_not_found: 'errors.invite_code_not_found',
  invite_already_activated: 'errors.invite_already_activated',
  self_referral: 'errors.self_referral',
  referral_cycle: 'errors.referral_cycle',
  invalid_credentials: 'errors.invalid_credentials',
};

/**
 * The user-facing text for any error an API call threw. `secondsLeft` overrides Retry-After
 * with a live countdown where the caller keeps one.
 */
export function errorMessage(t: Translate, error: unknown, secondsLeft?: number): string {
  if (!(error instanceof ApiError)) return t('errors.unknown');
  const wait = secondsLeft ?? error.retryAfter;
  switch (error.code) {
    case 'code_invalid':
      if (error.attemptsLeft === null) return t('errors.code_invalid_plain');
      return error.attemptsLeft > 0
        ? t('errors.code_invalid', { count: error.attemptsLeft })
        : t('errors.code_invalid_last');
    case 'rate_limited':
      return wait ? t('errors.rate_limited', { time: formatDuration(t, wait) }) : t('errors.rate_limited_later');
    case 'too_many_attempts':
      return wait
        ? t('errors.too_many_attempts_wait', { time: formatDuration(t, wait) })
        : t('errors.too_many_attempts');
    default: {
      const key = KNOWN[error.code];
      if (key) return t(key);
      return error.status >= 500 ? t('errors.server_error') : t('errors.unknown');
    }
  }
}

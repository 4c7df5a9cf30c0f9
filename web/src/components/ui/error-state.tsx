import { Button } from 'react-bootstrap';
import { Notice } from './notice';
import { errorMessage } from '../../lib/error-message';
import { useI18n } from '../../lib/i18n';

/** A failed load: what went wrong in words, and a way to try again. */
export function ErrorState({ error, title, onRetry }: { error: unknown; title?: string; onRetry?: () => void }) {
  const { t } = useI18n();
  return (
    <Notice variant="danger" role="alert" className="d-flex flex-wrap align-items-center justify-content-between gap-2">
      <div>
        {title ? <strong className="d-block">{title}</strong> : null}
        {errorMessage(t, error)}
      </div>
      {onRetry ? (
        <Button variant="outline-danger" size="sm" onClick={onRetry}>
          {t('common.retry')}
        </Button>
      ) : null}
    </Notice>
  );
}

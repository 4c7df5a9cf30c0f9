import { Spinner } from 'react-bootstrap';
import { useI18n } from '../../lib/i18n';

/** A labelled spinner that holds its place, so content does not jump when it arrives. */
export function LoadingState({ minHeight = '6rem', label }: { minHeight?: string; label?: string }) {
  const { t } = useI18n();
  return (
    <div role="status" className="d-flex align-items-center justify-content-center gap-2 text-body-secondary" style={{ minHeight }}>
      <Spinner animation="border" size="sm" aria-hidden="true" />
      <span>{label ?? t('app.loading')}</span>
    </div>
  );
}

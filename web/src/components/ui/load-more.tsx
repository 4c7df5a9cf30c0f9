import { Button, Spinner } from 'react-bootstrap';
import { useI18n } from '../../lib/i18n';

interface LoadMoreProps {
  /** Items on screen, and how many there are in all; omit `total` to hide the count. */
  shown?: number;
  total?: number;
  hasMore: boolean;
  loading: boolean;
  onMore: () => void;
}

/** The foot of a paginated list: "shown N of M" and a "show more" button while pages remain. */
export function LoadMore({ shown, total, hasMore, loading, onMore }: LoadMoreProps) {
  const { t, formatNumber } = useI18n();
  return (
    <div className="d-flex flex-wrap align-items-center gap-3">
      {shown !== undefined && total !== undefined ? (
        <span className="small text-body-secondary">{t('common.shown', { shown: formatNumber(shown), total: formatNumber(total) })}</span>
      ) : null}
      {hasMore ? (
        <Button variant="outline-primary" size="sm" onClick={onMore} disabled={loading}>
          {loading ? <Spinner animation="border" size="sm" className="me-2" aria-hidden="true" /> : null}
          {t('common.more')}
        </Button>
      ) : null}
    </div>
  );
}

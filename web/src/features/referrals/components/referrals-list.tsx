import { Badge, Card } from 'react-bootstrap';
import { ActivationsTable } from '../../../components/ui/activations-table';
import { ErrorState } from '../../../components/ui/error-state';
import { LoadingState } from '../../../components/ui/loading-state';
import { useI18n } from '../../../lib/i18n';
import { useMyReferrals } from '../api/get-my-referrals';
import { LoadMore } from '../../../components/ui/load-more';

/** Who activated my code: masked phones and dates, newest first, "show more" by cursor. */
export function ReferralsList() {
  const { t, formatNumber } = useI18n();
  const referrals = useMyReferrals();
  const items = referrals.data?.pages.flatMap((page) => page.items) ?? [];
  const total = referrals.data?.pages[0]?.total ?? 0;

  return (
    <Card className="shadow-sm">
      <Card.Body>
        <h2 className="h5 d-flex align-items-center gap-2">
          {t('referrals.list.title')}
          {referrals.data ? (
            <Badge bg="primary" pill data-testid="referrals-total">
              {formatNumber(total)}
            </Badge>
          ) : null}
        </h2>
        {referrals.isPending ? <LoadingState /> : null}
        {referrals.isError ? (
          <ErrorState error={referrals.error} title={t('referrals.list.error')} onRetry={() => void referrals.refetch()} />
        ) : null}
        {referrals.isSuccess && items.length === 0 ? (
          <p className="text-body-secondary mb-0">{t('referrals.list.empty')}</p>
        ) : null}
        {items.length > 0 ? (
          <>
            <ActivationsTable items={items} caption={t('referrals.list.caption')} />
            <LoadMore
              shown={items.length}
              total={total}
              hasMore={referrals.hasNextPage}
              loading={referrals.isFetchingNextPage}
              onMore={() => void referrals.fetchNextPage()}
            />
          </>
        ) : null}
      </Card.Body>
    </Card>
  );
}

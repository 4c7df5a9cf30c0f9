import { Badge, Card, Table } from 'react-bootstrap';
import { ErrorState } from '../../../components/ui/error-state';
import { LoadingState } from '../../../components/ui/loading-state';
import { useI18n } from '../../../lib/i18n';
import { useMyReferrals } from '../api/get-my-referrals';
import { LoadMore } from '../../../components/ui/load-more';

/** Who activated my code: masked phones and dates, newest first, "show more" by cursor. */
export function ReferralsList() {
  const { t, formatDateTime, formatNumber } = useI18n();
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
            <div className="table-responsive">
              <Table size="sm" className="align-middle mb-2">
                <caption className="visually-hidden">{t('referrals.list.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('common.phone')}</th>
                    <th scope="col">{t('referrals.list.date')}</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((item, index) => (
                    <tr key={`${item.phone}-${item.activatedAt}-${index}`}>
                      <td className="font-monospace text-nowrap">{item.phone}</td>
                      <td>{formatDateTime(item.activatedAt)}</td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            </div>
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

import { useDeferredValue, useEffect, useId, useState } from 'react';
import { Card, Form, Spinner, Table } from 'react-bootstrap';
import { ErrorState } from '../../../components/ui/error-state';
import { LoadingState } from '../../../components/ui/loading-state';
import { useI18n } from '../../../lib/i18n';
import { formatPhone } from '../../../lib/phone';
import { useUsers } from '../api/get-users';
import { LoadMore } from '../../../components/ui/load-more';

function useDebounced(value: string, ms: number): string {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

/** Every user, newest first; search by phone digits or invite code; "show more" by cursor. */
export function UsersTable() {
  const { t, formatDate, formatNumber } = useI18n();
  const id = useId();
  const [search, setSearch] = useState('');
  const query = useDeferredValue(useDebounced(search.trim(), 300));
  const users = useUsers(query);
  const items = users.data?.pages.flatMap((page) => page.items) ?? [];
  const total = users.data?.pages[0]?.total ?? 0;

  return (
    <Card className="shadow-sm">
      <Card.Body>
        <h2 className="h5">{t('admin.users.title')}</h2>
        <Form.Group className="mb-3 search-box" controlId={`${id}-search`}>
          <Form.Label>{t('admin.users.search')}</Form.Label>
          <Form.Control type="search" value={search} autoComplete="off" onChange={(event) => setSearch(event.target.value)} />
        </Form.Group>
        {users.isPending ? <LoadingState minHeight="12rem" /> : null}
        {users.isError ? <ErrorState error={users.error} onRetry={() => void users.refetch()} /> : null}
        {users.isSuccess ? (
          <>
            <p className="small text-body-secondary d-flex align-items-center gap-2" aria-live="polite">
              {t('admin.users.total', { count: formatNumber(total) })}
              {users.isPlaceholderData ? <Spinner animation="border" size="sm" aria-hidden="true" /> : null}
            </p>
            {items.length === 0 ? (
              <p className="text-body-secondary">{t('admin.users.empty')}</p>
            ) : (
              <div className="table-responsive">
                <Table size="sm" hover className="align-middle mb-2" data-testid="users-table">
                  <caption className="visually-hidden">{t('admin.users.caption')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('common.phone')}</th>
                      <th scope="col">{t('common.inviteCode')}</th>
                      <th scope="col">{t('admin.users.invitedBy')}</th>
                      <th scope="col" className="text-end">{t('admin.users.referrals')}</th>
                      <th scope="col" className="ps-3">{t('admin.users.createdAt')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {items.map((user) => (
                      <tr key={user.id}>
                        <td className="text-nowrap">{formatPhone(user.phone)}</td>
                        <td className="font-monospace">{user.inviteCode}</td>
                        <td className="font-monospace">{user.invitedBy ?? t('common.none')}</td>
                        <td className="text-end">{formatNumber(user.referralsCount)}</td>
                        <td className="text-nowrap ps-3">{formatDate(user.createdAt)}</td>
                      </tr>
                    ))}
                  </tbody>
                </Table>
              </div>
            )}
            <LoadMore
              shown={items.length}
              total={total}
              hasMore={users.hasNextPage}
              loading={users.isFetchingNextPage}
              onMore={() => void users.fetchNextPage()}
            />
          </>
        ) : null}
      </Card.Body>
    </Card>
  );
}

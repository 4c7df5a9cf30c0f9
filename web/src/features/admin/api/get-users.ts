import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import type { AdminUsersPage } from '../../../lib/api-types';
import { queryKeys } from '../../../lib/query-keys';

const PAGE_SIZE = 25;

/** GET /api/admin/users — every user, newest first; `search` matches phone digits or an invite code. */
export function getUsers(search: string, cursor: string | undefined): Promise<AdminUsersPage> {
  return unwrap(
    api.GET('/api/admin/users', {
      params: { query: { limit: PAGE_SIZE, ...(search ? { search } : {}), ...(cursor ? { cursor } : {}) } },
    }),
  );
}

export const usersQueryOptions = (search: string) =>
  infiniteQueryOptions({
    queryKey: [...queryKeys.admin, 'users', search],
    queryFn: ({ pageParam }) => getUsers(search, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });

export function useUsers(search: string) {
  return useInfiniteQuery(usersQueryOptions(search));
}

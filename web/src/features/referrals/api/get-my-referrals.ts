import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import type { MyReferralsPage } from '../../../lib/api-types';
import { queryKeys } from '../../../lib/query-keys';

export const REFERRALS_PAGE_SIZE = 20;

/** GET /api/me/referrals — who activated my code (phones masked), newest first, keyset pages. */
export function getMyReferrals(cursor: string | undefined, limit = REFERRALS_PAGE_SIZE): Promise<MyReferralsPage> {
  return unwrap(api.GET('/api/me/referrals', { params: { query: { limit, ...(cursor ? { cursor } : {}) } } }));
}

export const myReferralsQueryOptions = () =>
  infiniteQueryOptions({
    queryKey: queryKeys.myReferrals,
    queryFn: ({ pageParam }) => getMyReferrals(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export function useMyReferrals() {
  return useInfiniteQuery(myReferralsQueryOptions());
}

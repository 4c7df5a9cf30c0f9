import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import type { CodeReferralsPage } from '../../../lib/api-types';
import { queryKeys } from '../../../lib/query-keys';

const PAGE_SIZE = 50;

/** GET /api/referrals/{inviteCode} — the code's owner and every phone that activated it (full). */
export function getCodeReferrals(inviteCode: string, cursor: string | undefined): Promise<CodeReferralsPage> {
  return unwrap(
    api.GET('/api/referrals/{inviteCode}', {
      params: { path: { inviteCode }, query: { limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) } },
    }),
  );
}

export const codeReferralsQueryOptions = (inviteCode: string) =>
  infiniteQueryOptions({
    queryKey: [...queryKeys.admin, 'code', inviteCode],
    queryFn: ({ pageParam }) => getCodeReferrals(inviteCode, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export function useCodeReferrals(inviteCode: string | null) {
  return useInfiniteQuery({ ...codeReferralsQueryOptions(inviteCode ?? ''), enabled: inviteCode !== null });
}

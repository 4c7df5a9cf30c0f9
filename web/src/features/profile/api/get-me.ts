import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import type { Me } from '../../../lib/api-types';
import { queryKeys } from '../../../lib/query-keys';

/** GET /api/me — the signed-in user with their invite code and who invited them. */
export function getMe(): Promise<Me> {
  return unwrap(api.GET('/api/me'));
}

export const meQueryOptions = () => queryOptions({ queryKey: queryKeys.me, queryFn: getMe });

export function useMe() {
  return useQuery(meQueryOptions());
}

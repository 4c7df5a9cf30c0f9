import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import type { Stats } from '../../../lib/api-types';
import { queryKeys } from '../../../lib/query-keys';

/** GET /api/admin/stats — totals, activation rate and per-day sign-ups/activations. */
export function getStats(days: number): Promise<Stats> {
  return unwrap(api.GET('/api/admin/stats', { params: { query: { days } } }));
}

export const statsQueryOptions = (days: number) =>
  queryOptions({ queryKey: [...queryKeys.admin, 'stats', days], queryFn: () => getStats(days), placeholderData: keepPreviousData });

export function useStats(days: number) {
  return useQuery(statsQueryOptions(days));
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import type { Me } from '../../../lib/api-types';
import { queryKeys } from '../../../lib/query-keys';

/** POST /api/me/invite — activates someone else's invite code, once per account. */
export function activateInvite(inviteCode: string): Promise<Me> {
  return unwrap(api.POST('/api/me/invite', { body: { inviteCode } }));
}

export function useActivateInvite() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: activateInvite,
    onSuccess: (me) => queryClient.setQueryData(queryKeys.me, me),
  });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import type { UserSession } from '../../../lib/api-types';
import { authSession } from '../../../lib/auth-session';
import { queryKeys } from '../../../lib/query-keys';

export interface VerifyCodeInput {
  phone: string;
  code: string;
}

/** POST /api/auth/verify — exchanges phone + code for a session (the refresh token arrives as a cookie). */
export function verifyCode(input: VerifyCodeInput): Promise<UserSession> {
  return unwrap(api.POST('/api/auth/verify', { body: input }));
}

export function useVerifyCode() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: verifyCode,
    onSuccess: (session) => {
      queryClient.clear();
      authSession.start(session.accessToken);
      queryClient.setQueryData(queryKeys.me, session.user);
    },
  });
}

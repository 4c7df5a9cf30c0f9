import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import type { AdminSession } from '../../../lib/api-types';
import { authSession } from '../../../lib/auth-session';

export interface AdminLoginInput {
  username: string;
  password: string;
}

/** POST /api/admin/login — an admin session (role `admin`), refreshed like any other. */
export function adminLogin(input: AdminLoginInput): Promise<AdminSession> {
  return unwrap(api.POST('/api/admin/login', { body: input }));
}

export function useAdminLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: adminLogin,
    onSuccess: (session) => {
      queryClient.clear();
      authSession.start(session.accessToken);
    },
  });
}

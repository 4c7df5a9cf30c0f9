import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { authSession } from '../../../lib/auth-session';

/** POST /api/auth/logout — revokes the session behind the refresh cookie and clears the cookie. */
export async function signOut(): Promise<void> {
  await unwrap(api.POST('/api/auth/logout', { body: {} }));
}

/** Signs out on the server, and locally in any case: a failed call must not keep someone signed in. */
export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signOut,
    onSettled: () => {
      authSession.end('signed-out');
      queryClient.clear();
    },
  });
}

import { useMutation } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import type { CodeRequested } from '../../../lib/api-types';

/** POST /api/auth/codes — sends a login code to the phone (202; `devCode` in demo mode). */
export function requestCode(phone: string): Promise<CodeRequested> {
  return unwrap(api.POST('/api/auth/codes', { body: { phone } }));
}

export function useRequestCode() {
  return useMutation({ mutationFn: requestCode });
}

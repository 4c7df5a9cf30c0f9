import { normalizeInviteCode } from './invite-code';

/**
 * The invite code from a share link (`/?ref=CODE`), kept for this tab until the person has
 * signed in and the activation form can offer it.
 */
const KEY = 'referrals.pendingInvite';

export const pendingInvite = {
  remember(raw: string | null): string | null {
    const code = raw ? normalizeInviteCode(raw) : null;
    if (!code) return null;
    try {
      sessionStorage.setItem(KEY, code);
    } catch {
      // Without storage the link still shows the code; it just is not pre-filled later.
    }
    return code;
  },
  read(): string | null {
    try {
      return sessionStorage.getItem(KEY);
    } catch {
      return null;
    }
  },
  forget(): void {
    try {
      sessionStorage.removeItem(KEY);
    } catch {
      // nothing to forget
    }
  },
};

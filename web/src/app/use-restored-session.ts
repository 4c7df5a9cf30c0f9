import { useEffect, useRef, useState } from 'react';
import { authSession, refreshSession, useSession, type Session } from '../lib/auth-session';

/**
 * After a page load the access token is gone; if a session may exist (the hint), exchange the
 * refresh cookie for a new one before deciding where the person belongs.
 */
export function useRestoredSession(): { session: Session | null; restoring: boolean; hadSession: boolean } {
  const session = useSession();
  const [restoring, setRestoring] = useState(() => session === null && authSession.hint() !== null);
  const hadSession = useRef(session !== null || authSession.hint() !== null);
  if (session) hadSession.current = true;

  useEffect(() => {
    if (!restoring) return;
    let live = true;
    refreshSession()
      .catch(() => null)
      .finally(() => {
        if (live) setRestoring(false);
      });
    return () => {
      live = false;
    };
  }, [restoring]);

  return { session, restoring, hadSession: hadSession.current };
}

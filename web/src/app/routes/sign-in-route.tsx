import { useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { LoadingState } from '../../components/ui/loading-state';
import { SignInPage } from '../../features/auth/components/sign-in-page';
import { pendingInvite } from '../../lib/pending-invite';
import { useRestoredSession } from '../use-restored-session';

/** Only same-site paths are followed after sign-in, never an absolute URL from the query. */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/profile';
}

export function SignInRoute() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [invitedCode] = useState(() => pendingInvite.remember(params.get('ref')) ?? pendingInvite.read());
  const { session, restoring } = useRestoredSession();
  const next = safeNext(params.get('next'));

  if (restoring) return <LoadingState minHeight="16rem" />;
  if (session?.role === 'user') return <Navigate to={next} replace />;
  return (
    <SignInPage
      invitedCode={invitedCode}
      sessionExpired={params.get('expired') === '1'}
      onSignedIn={() => navigate(next, { replace: true })}
    />
  );
}

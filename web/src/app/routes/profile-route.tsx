import { Col, Row } from 'react-bootstrap';
import { Navigate, useLocation } from 'react-router';
import { ErrorState } from '../../components/ui/error-state';
import { LoadingState } from '../../components/ui/loading-state';
import { useMe } from '../../features/profile/api/get-me';
import { ProfileSummary } from '../../features/profile/components/profile-summary';
import { ShareCard } from '../../features/profile/components/share-card';
import { ActivationCard } from '../../features/referrals/components/activation-card';
import { ReferralsList } from '../../features/referrals/components/referrals-list';
import { useI18n } from '../../lib/i18n';
import { useDocumentTitle } from '../../lib/use-document-title';
import { authSession } from '../../lib/auth-session';
import { useRestoredSession } from '../use-restored-session';

function ProfileContent() {
  const { t } = useI18n();
  const me = useMe();
  useDocumentTitle(`${t('profile.title')} · ${t('app.brand')}`);

  return (
    <>
      <h1 className="h3 mb-3">{t('profile.title')}</h1>
      {me.isPending ? <LoadingState minHeight="20rem" /> : null}
      {me.isError ? <ErrorState error={me.error} onRetry={() => void me.refetch()} /> : null}
      {me.data ? (
        <Row className="g-3">
          <Col lg={6}>
            <ProfileSummary me={me.data} />
          </Col>
          <Col lg={6}>
            <ShareCard inviteCode={me.data.inviteCode} />
          </Col>
          <Col xs={12}>
            <ActivationCard invitedBy={me.data.invitedBy} ownCode={me.data.inviteCode} />
          </Col>
          <Col xs={12}>
            <ReferralsList />
          </Col>
        </Row>
      ) : null}
    </>
  );
}

/** `/profile`: only for a signed-in user; otherwise back to sign-in, remembering this page. */
export function ProfileRoute() {
  const location = useLocation();
  const { session, restoring, hadSession } = useRestoredSession();

  if (restoring) return <LoadingState minHeight="20rem" />;
  if (session?.role !== 'user') {
    if (authSession.signedOut()) return <Navigate to="/" replace />;
    const next = encodeURIComponent(`${location.pathname}${location.search}`);
    return <Navigate to={`/?next=${next}${hadSession ? '&expired=1' : ''}`} replace />;
  }
  return <ProfileContent />;
}

export default ProfileRoute;

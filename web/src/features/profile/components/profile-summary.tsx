import { Card } from 'react-bootstrap';
import type { Me } from '../../../lib/api-types';
import { useI18n } from '../../../lib/i18n';
import { formatPhone } from '../../../lib/phone';
import { CopyButton } from '../../../components/ui/copy-button';

/** The phone and the invite code, large, with a copy button. */
export function ProfileSummary({ me }: { me: Me }) {
  const { t, formatDate } = useI18n();
  return (
    <Card className="shadow-sm h-100">
      <Card.Body>
        <h2 className="h6 text-body-secondary mb-1">{t('profile.phone')}</h2>
        <p className="fs-5 mb-1" data-testid="my-phone">
          {formatPhone(me.phone)}
        </p>
        <p className="small text-body-secondary mb-4">{t('profile.memberSince', { date: formatDate(me.createdAt) })}</p>
        <h2 className="h6 text-body-secondary mb-1">{t('profile.inviteCode.title')}</h2>
        <p className="invite-code mb-2" data-testid="my-invite-code">
          {me.inviteCode}
        </p>
        <p className="small text-body-secondary">{t('profile.inviteCode.hint')}</p>
        <CopyButton text={me.inviteCode} label={t('profile.copyCode')} />
      </Card.Body>
    </Card>
  );
}

import { useState } from 'react';
import { Card } from 'react-bootstrap';
import { Notice } from '../../../components/ui/notice';
import type { CodeRequested } from '../../../lib/api-types';
import { useI18n } from '../../../lib/i18n';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { CodeForm } from './code-form';
import { PhoneForm } from './phone-form';

interface SignInPageProps {
  /** An invite code from a share link, announced so the visitor knows why they are here. */
  invitedCode: string | null;
  /** Shown when an expired session brought the person back here. */
  sessionExpired: boolean;
  onSignedIn: () => void;
}

/** `/`: phone → code. Sign-up and sign-in are the same journey. */
export function SignInPage({ invitedCode, sessionExpired, onSignedIn }: SignInPageProps) {
  const { t } = useI18n();
  const [typedPhone, setTypedPhone] = useState('');
  const [sent, setSent] = useState<CodeRequested | null>(null);
  useDocumentTitle(`${t('signIn.title')} · ${t('app.brand')}`);

  return (
    <div className="narrow-page">
      {sessionExpired ? <Notice variant="info">{t('app.sessionExpired')}</Notice> : null}
      {invitedCode ? (
        <Notice variant="success" data-testid="invited-banner">
          {t('signIn.invited', { code: invitedCode })}
        </Notice>
      ) : null}
      <Card className="shadow-sm">
        <Card.Body className="p-4">
          <h1 className="h3 mb-2">{sent ? t('signIn.code.title') : t('signIn.title')}</h1>
          {sent ? (
            <CodeForm
              key={sent.phone}
              sent={sent}
              onResent={setSent}
              onVerified={onSignedIn}
              onChangeNumber={() => setSent(null)}
            />
          ) : (
            <>
              <p className="text-body-secondary mb-4">{t('signIn.lead')}</p>
              <PhoneForm
                initialPhone={typedPhone}
                onCodeSent={(result, typed) => {
                  setTypedPhone(typed);
                  setSent(result);
                }}
              />
            </>
          )}
        </Card.Body>
      </Card>
    </div>
  );
}

import { Tab, Tabs } from 'react-bootstrap';
import { useSearchParams } from 'react-router';
import { useSession } from '../../../lib/auth-session';
import { useI18n } from '../../../lib/i18n';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { AdminLoginForm } from './admin-login-form';
import { CodeLookup } from './code-lookup';
import { Dashboard } from './dashboard';
import { UsersTable } from './users-table';

const TABS = ['dashboard', 'lookup', 'users'] as const;
type TabKey = (typeof TABS)[number];

/** `/admin`: the sign-in form until an admin session exists, then the console (tab in the URL). */
export function AdminPage() {
  const { t } = useI18n();
  const session = useSession();
  const [params, setParams] = useSearchParams();
  useDocumentTitle(`${t('admin.title')} · ${t('app.brand')}`);

  if (session?.role !== 'admin') return <AdminLoginForm signedInAsUser={session?.role === 'user'} />;

  const requested = params.get('tab');
  const tab: TabKey = TABS.find((key) => key === requested) ?? 'dashboard';
  return (
    <>
      <h1 className="h3 mb-3">{t('admin.title')}</h1>
      <Tabs
        id="admin-tabs"
        activeKey={tab}
        onSelect={(key) => setParams(key && key !== 'dashboard' ? { tab: key } : {})}
        className="mb-3"
        mountOnEnter
        aria-label={t('admin.tabs')}
      >
        <Tab eventKey="dashboard" title={t('admin.tabs.dashboard')}>
          <Dashboard />
        </Tab>
        <Tab eventKey="lookup" title={t('admin.tabs.lookup')}>
          <CodeLookup />
        </Tab>
        <Tab eventKey="users" title={t('admin.tabs.users')}>
          <UsersTable />
        </Tab>
      </Tabs>
    </>
  );
}

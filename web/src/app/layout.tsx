import { Suspense, useEffect, useRef } from 'react';
import { Button, ButtonGroup, Container, Navbar } from 'react-bootstrap';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { LoadingState } from '../components/ui/loading-state';
import { useSignOut } from '../features/auth/api/sign-out';
import { useSession, type Role } from '../lib/auth-session';
import { useI18n, type Locale } from '../lib/i18n';

const LANGUAGES: { locale: Locale; short: string; name: string }[] = [
  { locale: 'ru', short: 'RU', name: 'Русский' },
  { locale: 'en', short: 'EN', name: 'English' },
];

function LanguageSwitch() {
  const { t, locale, setLocale } = useI18n();
  return (
    <ButtonGroup size="sm" aria-label={t('app.language')}>
      {LANGUAGES.map((language) => (
        <Button
          key={language.locale}
          variant={language.locale === locale ? 'light' : 'outline-light'}
          aria-pressed={language.locale === locale}
          lang={language.locale}
          title={language.name}
          onClick={() => setLocale(language.locale)}
        >
          {language.short}
        </Button>
      ))}
    </ButtonGroup>
  );
}

function SignOutButton({ role }: { role: Role }) {
  const { t } = useI18n();
  const signOut = useSignOut();
  const navigate = useNavigate();
  // An operator stays on the console's sign-in form; a user goes back to the phone form.
  const after = role === 'admin' ? '/admin' : '/';
  return (
    <Button
      variant="outline-light"
      size="sm"
      disabled={signOut.isPending}
      onClick={() => {
        // The button unmounts with the session, so continue on the promise, not on callbacks.
        void signOut
          .mutateAsync()
          .catch(() => undefined)
          .then(() => navigate(after, { replace: true }));
      }}
    >
      {t('app.signOut')}
    </Button>
  );
}

/**
 * After a client-side navigation, keyboard and screen-reader users land on the new page's content
 * instead of wherever the old page left focus (often nowhere: the clicked element unmounted).
 * A page that focused a field of its own (the code input, say) keeps it.
 */
function useFocusMainOnNavigation() {
  const { pathname } = useLocation();
  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    const active = document.activeElement;
    if (!active || active === document.body) document.getElementById('main')?.focus();
  }, [pathname]);
}

export function Layout() {
  const { t } = useI18n();
  const session = useSession();
  useFocusMainOnNavigation();
  return (
    <div className="d-flex flex-column min-vh-100">
      <a href="#main" className="visually-hidden-focusable skip-link">
        {t('app.skipToContent')}
      </a>
      <header>
        <Navbar variant="dark" className="py-2 app-navbar" aria-label={t('app.nav')}>
          <Container className="gap-2">
            <Navbar.Brand as={Link} to={session?.role === 'admin' ? '/admin' : session ? '/profile' : '/'}>
              {t('app.brand')}
            </Navbar.Brand>
            <div className="d-flex align-items-center gap-2 ms-auto">
              <LanguageSwitch />
              {session ? <SignOutButton role={session.role} /> : null}
            </div>
          </Container>
        </Navbar>
      </header>
      <main id="main" tabIndex={-1} className="flex-grow-1 py-4">
        <Container>
          <Suspense fallback={<LoadingState minHeight="20rem" />}>
            <Outlet />
          </Suspense>
        </Container>
      </main>
      <footer className="py-3 border-top small">
        <Container className="d-flex justify-content-between flex-wrap gap-2">
          <span className="text-body-secondary">© 2026 {t('app.brand')}</span>
          <Link to="/admin" className="link-secondary">
            {t('app.adminLink')}
          </Link>
        </Container>
      </footer>
    </div>
  );
}

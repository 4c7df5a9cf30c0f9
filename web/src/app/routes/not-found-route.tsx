import { Link } from 'react-router';
import { useI18n } from '../../lib/i18n';
import { useDocumentTitle } from '../../lib/use-document-title';

export function NotFoundRoute() {
  const { t } = useI18n();
  useDocumentTitle(`${t('app.notFound.title')} · ${t('app.brand')}`);
  return (
    <div className="narrow-page text-center py-5">
      <h1 className="h3">{t('app.notFound.title')}</h1>
      <p className="text-body-secondary">{t('app.notFound.text')}</p>
      <Link to="/" className="btn btn-primary">
        {t('app.notFound.back')}
      </Link>
    </div>
  );
}

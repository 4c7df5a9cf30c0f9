import { Card, Col, Row, Table } from 'react-bootstrap';
import { ErrorState } from '../../../components/ui/error-state';
import { LoadingState } from '../../../components/ui/loading-state';
import { useI18n } from '../../../lib/i18n';
import { formatPhone } from '../../../lib/phone';
import { useStats } from '../api/get-stats';
import { ActivityChart } from './activity-chart';

const DAYS = 30;

function Figure({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <Card className="shadow-sm h-100">
      <Card.Body>
        <div className="small text-body-secondary">{label}</div>
        <div className="fs-2 fw-semibold" data-testid={testId}>
          {value}
        </div>
      </Card.Body>
    </Card>
  );
}

/** Totals, activation rate, a per-day chart and the top referrers. */
export function Dashboard() {
  const { t, formatNumber, formatPercent } = useI18n();
  const stats = useStats(DAYS);

  if (stats.isPending) return <LoadingState minHeight="20rem" />;
  if (stats.isError) return <ErrorState error={stats.error} onRetry={() => void stats.refetch()} />;
  const data = stats.data;

  return (
    <>
      <Row xs={1} sm={3} className="g-3 mb-4">
        <Col>
          <Figure label={t('admin.stats.users')} value={formatNumber(data.users)} testId="stat-users" />
        </Col>
        <Col>
          <Figure label={t('admin.stats.activated')} value={formatNumber(data.activatedUsers)} testId="stat-activated" />
        </Col>
        <Col>
          <Figure label={t('admin.stats.rate')} value={formatPercent(data.activationRate)} testId="stat-rate" />
        </Col>
      </Row>
      <Card className="shadow-sm mb-4">
        <Card.Body>
          <h2 className="h5">{t('admin.stats.chart', { days: DAYS })}</h2>
          <ActivityChart days={data.days} />
        </Card.Body>
      </Card>
      <Card className="shadow-sm">
        <Card.Body>
          <h2 className="h5">{t('admin.stats.top')}</h2>
          {data.topReferrers.length === 0 ? (
            <p className="text-body-secondary mb-0">{t('admin.stats.topEmpty')}</p>
          ) : (
            <div className="table-responsive">
              <Table size="sm" className="mb-0">
                <thead>
                  <tr>
                    <th scope="col">{t('common.inviteCode')}</th>
                    <th scope="col">{t('common.phone')}</th>
                    <th scope="col" className="text-end">{t('admin.stats.referrals')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.topReferrers.map((row) => (
                    <tr key={row.inviteCode}>
                      <td className="font-monospace">{row.inviteCode}</td>
                      <td className="text-nowrap">{formatPhone(row.phone)}</td>
                      <td className="text-end">{formatNumber(row.referralsCount)}</td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            </div>
          )}
        </Card.Body>
      </Card>
    </>
  );
}

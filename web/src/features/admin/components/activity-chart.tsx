import { useId } from 'react';
import type { Stats } from '../../../lib/api-types';
import { useI18n } from '../../../lib/i18n';

type Day = Stats['days'][number];

const WIDTH = 720;
const HEIGHT = 240;
const PAD = { top: 12, right: 8, bottom: 28, left: 36 };

function niceMax(value: number): number {
  if (value <= 4) return 4;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s * 4 >= value) ?? magnitude * 10;
  return step * 4;
}

/**
 * Grouped bars per day, drawn as plain SVG (no chart library to download). The same numbers are
 * available as a table for screen readers and for anyone who wants exact values.
 */
export function ActivityChart({ days }: { days: Day[] }) {
  const { t, formatNumber, locale } = useI18n();
  const id = useId();
  const max = niceMax(Math.max(0, ...days.map((d) => Math.max(d.signups, d.activations))));
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const slot = plotW / Math.max(1, days.length);
  const bar = Math.max(1, Math.min(12, slot * 0.38));
  const y = (value: number) => PAD.top + plotH - (value / max) * plotH;
  const labelEvery = Math.max(1, Math.ceil(days.length / 8));
  // `date` is a calendar day (YYYY-MM-DD): format it in UTC so no time zone shifts it.
  const short = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' });
  const long = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  const formatDate = (day: string) => long.format(new Date(day));
  const totals = days.reduce((sum, d) => ({ s: sum.s + d.signups, a: sum.a + d.activations }), { s: 0, a: 0 });
  const summary = t('admin.stats.chartSummary', { signups: formatNumber(totals.s), activations: formatNumber(totals.a) });

  return (
    <figure className="mb-0">
      <div className="d-flex flex-wrap gap-3 small mb-2" aria-hidden="true">
        <span><span className="legend-swatch bg-primary" /> {t('admin.stats.signups')}</span>
        <span><span className="legend-swatch bg-success" /> {t('admin.stats.activations')}</span>
      </div>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className="activity-chart" role="img" aria-labelledby={`${id}-desc`}>
        {[0, 0.25, 0.5, 0.75, 1].map((f) => (
          <g key={f}>
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(max * f)} y2={y(max * f)} className="chart-grid" />
            <text x={PAD.left - 6} y={y(max * f) + 4} textAnchor="end" className="chart-label">
              {formatNumber(max * f)}
            </text>
          </g>
        ))}
        {days.map((d, i) => {
          const x = PAD.left + i * slot + slot / 2;
          return (
            <g key={d.date}>
              <rect x={x - bar} y={y(d.signups)} width={bar} height={Math.max(0, y(0) - y(d.signups))} className="chart-signups">
                <title>{`${formatDate(d.date)}: ${t('admin.stats.signups')} ${d.signups}`}</title>
              </rect>
              <rect x={x} y={y(d.activations)} width={bar} height={Math.max(0, y(0) - y(d.activations))} className="chart-activations">
                <title>{`${formatDate(d.date)}: ${t('admin.stats.activations')} ${d.activations}`}</title>
              </rect>
              {i % labelEvery === 0 ? (
                <text x={x} y={HEIGHT - 8} textAnchor="middle" className="chart-label">
                  {short.format(new Date(d.date))}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      <figcaption id={`${id}-desc`} className="small text-body-secondary mt-1">
        {summary}
      </figcaption>
      <details className="mt-2">
        <summary>{t('admin.stats.asTable')}</summary>
        <div className="table-responsive chart-table">
          <table className="table table-sm">
            <thead>
              <tr>
                <th scope="col">{t('admin.stats.date')}</th>
                <th scope="col">{t('admin.stats.signups')}</th>
                <th scope="col">{t('admin.stats.activations')}</th>
              </tr>
            </thead>
            <tbody>
              {days.map((d) => (
                <tr key={d.date}>
                  <td>{formatDate(d.date)}</td>
                  <td>{formatNumber(d.signups)}</td>
                  <td>{formatNumber(d.activations)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}

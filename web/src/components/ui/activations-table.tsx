import { Table } from 'react-bootstrap';
import { useI18n } from '../../lib/i18n';

interface ActivationsTableProps {
  /** Phones as the API gives them (masked for users, full for operators) and activation times. */
  items: { phone: string; activatedAt: string }[];
  caption: string;
}

/** Who activated an invite code, and when: the user's referrals and the operator's look-up alike. */
export function ActivationsTable({ items, caption }: ActivationsTableProps) {
  const { t, formatDateTime } = useI18n();
  return (
    <div className="table-responsive">
      <Table size="sm" className="align-middle mb-2">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('common.phone')}</th>
            <th scope="col">{t('referrals.list.date')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item, index) => (
            // A masked phone and a time need not be unique; the position settles it.
            <tr key={`${item.phone}-${item.activatedAt}-${index}`}>
              <td className="font-monospace text-nowrap">{item.phone}</td>
              <td>{formatDateTime(item.activatedAt)}</td>
            </tr>
          ))}
        </tbody>
      </Table>
    </div>
  );
}

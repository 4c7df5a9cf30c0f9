import { useEffect, useId, useState } from 'react';
import { Button, Card, Form } from 'react-bootstrap';
import { useI18n } from '../../../lib/i18n';
import { CopyButton } from '../../../components/ui/copy-button';

/** `/?ref=CODE` on this site: opening it pre-fills the activation form after sign-in. */
export function shareLink(inviteCode: string, origin = location.origin): string {
  return `${origin}/?ref=${encodeURIComponent(inviteCode)}`;
}

function useQrCode(text: string): string | null {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    import('qrcode')
      .then((qr) => qr.toString(text, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }))
      .then((svg) => {
        if (live) setSrc(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`);
      })
      .catch(() => {
        if (live) setSrc(null);
      });
    return () => {
      live = false;
    };
  }, [text]);
  return src;
}

export function ShareCard({ inviteCode }: { inviteCode: string }) {
  const { t } = useI18n();
  const id = useId();
  const link = shareLink(inviteCode);
  const qr = useQrCode(link);
  const canShare = typeof navigator !== 'undefined' && typeof navigator.share === 'function';

  return (
    <Card className="shadow-sm h-100">
      <Card.Body>
        <h2 className="h5">{t('profile.share.title')}</h2>
        <Form.Group className="mb-2" controlId={`${id}-link`}>
          <Form.Label className="small text-body-secondary">{t('profile.share.label')}</Form.Label>
          <Form.Control readOnly value={link} onFocus={(event) => event.target.select()} data-testid="share-link" />
        </Form.Group>
        <div className="d-flex flex-wrap gap-2 mb-3">
          <CopyButton text={link} label={t('profile.copyLink')} />
          {canShare ? (
            <Button
              variant="outline-secondary"
              onClick={() => {
                navigator.share({ url: link, text: t('profile.share.text', { code: inviteCode }) }).catch(() => undefined);
              }}
            >
              {t('profile.share.native')}
            </Button>
          ) : null}
        </div>
        <div className="qr-box">
          {qr ? <img src={qr} width={160} height={160} alt={t('profile.share.qr', { link })} /> : null}
        </div>
      </Card.Body>
    </Card>
  );
}

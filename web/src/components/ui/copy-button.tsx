import { useEffect, useState } from 'react';
import { Button, type ButtonProps } from 'react-bootstrap';
import { useI18n } from '../../lib/i18n';

interface CopyButtonProps extends Omit<ButtonProps, 'onClick'> {
  text: string;
  label: string;
}

async function copyText(text: string): Promise<void> {
  if (navigator.clipboard?.writeText) {
    await navigator.clipboard.writeText(text);
    return;
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.append(area);
  area.select();
  const ok = document.execCommand('copy');
  area.remove();
  if (!ok) throw new Error('copy failed');
}

/** Copies `text`; the outcome is announced next to the button for screen readers too. */
export function CopyButton({ text, label, variant = 'outline-primary', ...rest }: CopyButtonProps) {
  const { t } = useI18n();
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');

  useEffect(() => {
    if (state === 'idle') return undefined;
    const timer = setTimeout(() => setState('idle'), 2500);
    return () => clearTimeout(timer);
  }, [state]);

  return (
    <span className="d-inline-flex align-items-center gap-2 flex-wrap">
      <Button
        variant={variant}
        {...rest}
        onClick={() => {
          copyText(text).then(
            () => setState('copied'),
            () => setState('failed'),
          );
        }}
      >
        {label}
      </Button>
      <span aria-live="polite" className={state === 'failed' ? 'text-danger small' : 'text-success small'}>
        {state === 'copied' ? t('profile.copied') : state === 'failed' ? t('profile.copyFailed') : ''}
      </span>
    </span>
  );
}

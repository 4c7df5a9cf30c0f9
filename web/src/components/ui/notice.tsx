import type { HTMLAttributes, ReactNode } from 'react';

interface NoticeProps extends HTMLAttributes<HTMLDivElement> {
  variant: 'info' | 'success' | 'warning' | 'danger';
  children: ReactNode;
}

/**
 * A Bootstrap alert box without react-bootstrap's implicit `role="alert"`: static notices should
 * not interrupt a screen reader. Pass `role="alert"` or wrap in a live region when it is news.
 */
export function Notice({ variant, className, children, ...rest }: NoticeProps) {
  return (
    <div className={`alert alert-${variant}${className ? ` ${className}` : ''}`} {...rest}>
      {children}
    </div>
  );
}

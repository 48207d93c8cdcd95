import type { AnchorHTMLAttributes } from 'react';
import { useLocation } from './router';

/** An in-app link: a real <a href>, marked aria-current when it is the page shown (see interceptLinks). */
export function Link(props: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string; exact?: boolean }) {
  const { exact, href, children, ...rest } = props;
  const here = useLocation().split('?')[0] ?? '';
  const current = exact ? here === href : here === href || here.startsWith(`${href}/`);
  return (
    <a {...rest} href={href} aria-current={current ? 'page' : undefined}>
      {children}
    </a>
  );
}

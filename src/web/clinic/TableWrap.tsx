import type { ReactNode } from 'react';

/**
 * A wide table that scrolls sideways on a small screen: the scrolling region is named and can take focus,
 * so keyboard users can scroll it too (WCAG 2.1.1).
 */
export function TableWrap(props: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
    <section className="table-wrap" aria-label={props.label} tabIndex={0}>
      {props.children}
    </section>
  );
}

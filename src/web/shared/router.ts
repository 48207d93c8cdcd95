/**
 * A tiny history router: the path is state, links push it, Back/Forward pop it. Both apps use it so the
 * patient bundle carries no router library.
 */
import { useEffect, useSyncExternalStore } from 'react';

const listeners = new Set<() => void>();
const notify = () => {
  for (const l of listeners) l();
};
if (typeof window !== 'undefined') window.addEventListener('popstate', notify);

function subscribe(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

const snapshot = () => window.location.pathname + window.location.search;

/** The current path with its query string; re-renders on navigation. */
export function useLocation(): string {
  return useSyncExternalStore(subscribe, snapshot);
}

export function navigate(to: string, opts: { replace?: boolean } = {}): void {
  if (to === snapshot()) return;
  if (opts.replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  window.scrollTo(0, 0);
  notify();
}

/** Matches "/clinic/patients/:id" against a path; returns the params or null. */
export function match(pattern: string, path: string): Record<string, string> | null {
  const p = pattern.split('/').filter(Boolean);
  const s = (path.split('?')[0] ?? '').split('/').filter(Boolean);
  if (p.length !== s.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < p.length; i++) {
    const seg = p[i]!;
    const val = s[i]!;
    if (seg.startsWith(':')) params[seg.slice(1)] = decodeURIComponent(val);
    else if (seg !== val) return null;
  }
  return params;
}

export function queryParam(name: string): string | null {
  return new URLSearchParams(window.location.search).get(name);
}

/**
 * In-app links are plain <a href> (keyboard, middle click and "copy link" work as usual); one document
 * listener turns a plain left click on a link under one of the app's own prefixes into in-place navigation.
 * Links elsewhere (the API, a PDF, the other app) load normally.
 */
export function interceptLinks(prefixes: readonly string[]): void {
  document.addEventListener('click', (e) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    const a = (e.target as Element | null)?.closest?.('a');
    if (!a || a.target || a.hasAttribute('download')) return;
    const href = a.getAttribute('href');
    if (!href?.startsWith('/') || !prefixes.some((p) => href === p || href.startsWith(`${p}/`))) return;
    e.preventDefault();
    navigate(href);
  });
}

/** Sets document.title and moves focus to the page's h1, so screen readers hear the new page. */
export function usePageTitle(title: string, site: string): void {
  useEffect(() => {
    document.title = `${title} · ${site}`;
    const h1 = document.querySelector('h1');
    if (h1 instanceof HTMLElement) {
      h1.tabIndex = -1;
      h1.focus({ preventScroll: true });
    }
  }, [title, site]);
}

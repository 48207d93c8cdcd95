/**
 * The practice's public page (name and active locations), fetched once per slug and shared by the Learn,
 * Before & after and screening pages.
 */
import { useCallback, useEffect, useState } from 'react';
import type { PublicPracticeDto } from '../../../contract/public';
import { ApiError, get } from '../../shared/api';

export type PublicPractice = PublicPracticeDto;
export type PublicLocation = PublicPracticeDto['locations'][number];

const cache = new Map<string, Promise<PublicPractice>>();

function load(slug: string): Promise<PublicPractice> {
  let p = cache.get(slug);
  if (!p) {
    p = get<PublicPractice>(`/api/v1/public/practices/${encodeURIComponent(slug)}`);
    cache.set(slug, p);
    // A failed load is not kept: "try again" asks the server again.
    p.catch(() => cache.delete(slug));
  }
  return p;
}

export type PracticeState =
  | { kind: 'loading' }
  | { kind: 'ok'; practice: PublicPractice }
  | { kind: 'not-found' }
  | { kind: 'error'; offline: boolean };

export function usePractice(slug: string): { state: PracticeState; retry: () => void } {
  const [state, setState] = useState<PracticeState>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: attempt re-runs the load on "try again"
  useEffect(() => {
    let live = true;
    setState({ kind: 'loading' });
    load(slug).then(
      (practice) => live && setState({ kind: 'ok', practice }),
      (e: unknown) => {
        if (!live) return;
        if (e instanceof ApiError && e.status === 404) setState({ kind: 'not-found' });
        else setState({ kind: 'error', offline: e instanceof ApiError && e.offline });
      },
    );
    return () => {
      live = false;
    };
  }, [slug, attempt]);
  const retry = useCallback(() => setAttempt((a) => a + 1), []);
  return { state, retry };
}

/** "+1 415 555 0100" → "tel:+14155550100". */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^+0-9]/g, '')}`;
}

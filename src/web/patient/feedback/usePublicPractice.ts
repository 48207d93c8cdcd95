/** The practice's public page (name and active clinics) for the feedback form's clinic choice. */
import { useEffect, useState } from 'react';
import type { PublicPracticeDto } from '../../../contract/public';
import { ApiError, get } from '../../shared/api';

export type PracticeState =
  | { kind: 'loading' }
  | { kind: 'ok'; practice: PublicPracticeDto }
  | { kind: 'not-found' }
  | { kind: 'error' };

export function usePublicPractice(slug: string): PracticeState {
  const [state, setState] = useState<PracticeState>({ kind: 'loading' });
  useEffect(() => {
    let live = true;
    setState({ kind: 'loading' });
    get<PublicPracticeDto>(`/api/v1/public/practices/${encodeURIComponent(slug)}`).then(
      (practice) => live && setState({ kind: 'ok', practice }),
      (e: unknown) =>
        live &&
        setState(e instanceof ApiError && e.status === 404 ? { kind: 'not-found' } : { kind: 'error' }),
    );
    return () => {
      live = false;
    };
  }, [slug]);
  return state;
}

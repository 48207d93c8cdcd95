import { useEffect, useState } from 'react';
import { get } from '../../shared/api';
import type { Physician } from './SlotFields';

/** The practice's physicians, for choosing one on an appointment (none when the list cannot be read). */
export function usePhysicians(): Physician[] {
  const [physicians, setPhysicians] = useState<Physician[]>([]);
  useEffect(() => {
    get<{ items: Physician[] }>('/api/v1/physicians')
      .then((r) => setPhysicians(r.items))
      .catch(() => setPhysicians([]));
  }, []);
  return physicians;
}

/** The practice's locations, and the one this browser works at (remembered across visits). */
import { useCallback, useEffect, useState } from 'react';
import type { z } from 'zod';
import type { location } from '../../../contract/admin';
import { get } from '../../shared/api';

export type LocationDto = z.infer<typeof location>;

const KEY = 'facetpath.clinic.location';

function saved(): string {
  try {
    return localStorage.getItem(KEY) ?? '';
  } catch {
    return '';
  }
}

export function useLocations(): {
  locations: LocationDto[] | null;
  error: string | null;
  /** The chosen location's id, or '' for all locations. */
  locationId: string;
  setLocationId: (id: string) => void;
} {
  const [locations, setLocations] = useState<LocationDto[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [locationId, setId] = useState<string>(saved);

  useEffect(() => {
    let live = true;
    get<{ items: LocationDto[] }>('/api/v1/locations')
      .then((r) => {
        if (!live) return;
        setLocations(r.items);
        // A remembered location that no longer exists falls back to all locations.
        setId((id) => (id && !r.items.some((l) => l.id === id) ? '' : id));
      })
      .catch((e: Error) => live && setError(e.message));
    return () => {
      live = false;
    };
  }, []);

  const setLocationId = useCallback((id: string) => {
    setId(id);
    try {
      if (id) localStorage.setItem(KEY, id);
      else localStorage.removeItem(KEY);
    } catch {
      // Private mode: the choice lasts for this page only.
    }
  }, []);

  return { locations, error, locationId, setLocationId };
}

export function locationName(locations: LocationDto[] | null, id: string | null): string {
  if (!id) return 'No location';
  return locations?.find((l) => l.id === id)?.name ?? 'Unknown location';
}

import { useId } from 'react';
import type { LocationDto } from './useLocations';

/** Picks the location a page shows (or all of them); closed locations are marked as such. */
export function LocationSelect(props: {
  locations: LocationDto[] | null;
  value: string;
  onChange: (id: string) => void;
  allowAll?: boolean;
  label?: string;
}) {
  const id = useId();
  return (
    <div className="field ops-inline-field">
      <label htmlFor={id}>{props.label ?? 'Location'}</label>
      <select id={id} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        {props.allowAll !== false && <option value="">All locations</option>}
        {(props.locations ?? []).map((l) => (
          <option key={l.id} value={l.id}>
            {l.name}
            {l.active ? '' : ' (closed)'}
          </option>
        ))}
      </select>
    </div>
  );
}

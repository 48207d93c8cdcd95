/**
 * The fields of an appointment slot (location, room, physician, date, start time, duration, type), shared by
 * the schedule's booking form and the request's first appointment. Changing the location clears the room.
 */
import type { z } from 'zod';
import type { physicianList } from '../../../contract/appointments';
import { Field } from '../../shared/ui';
import type { LocationDto } from './useLocations';
import { BROWSER_TZ, PURPOSE_WORDS } from './words';

export type Physician = z.infer<typeof physicianList>['items'][number];

/** What the slot fields hold, as typed (the form turns date + time into an instant when it sends). */
export type Slot = {
  locationId: string;
  room: string;
  physicianId: string;
  date: string;
  time: string;
  minutes: string;
  purpose: string;
};

/** The API paths the fields show errors for (without any prefix the form's body puts before them). */
export type SlotPath = 'locationId' | 'room' | 'physicianId' | 'startsAt' | 'minutes' | 'purpose';

export function SlotFields(props: {
  slot: Slot;
  onChange: (next: Slot) => void;
  /** The locations offered (the rooms come from the chosen one). */
  locations: LocationDto[];
  physicians: Physician[];
  /** The error to show beside a field, by its API path. */
  error: (path: SlotPath) => string | undefined;
  /** Mark a field with an error aria-invalid. */
  markInvalid?: boolean;
  durationHint?: string;
  /** Ask phones for the numeric keypad in the duration. */
  numericDuration?: boolean;
}) {
  const { slot, error } = props;
  const set = (patch: Partial<Slot>) => props.onChange({ ...slot, ...patch });
  const invalid = (f: { invalid: boolean }) => (props.markInvalid ? f.invalid : undefined);
  const rooms = props.locations.find((l) => l.id === slot.locationId)?.rooms ?? [];
  return (
    <>
      <Field label="Location" error={error('locationId')}>
        {(f) => (
          <select
            id={f.id}
            aria-describedby={f.describedBy}
            aria-invalid={invalid(f)}
            value={slot.locationId}
            onChange={(e) => set({ locationId: e.target.value, room: '' })}
          >
            {props.locations.map((l) => (
              <option key={l.id} value={l.id}>
                {l.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Room" hint="Optional" error={error('room')}>
        {(f) => (
          <select
            id={f.id}
            aria-describedby={f.describedBy}
            aria-invalid={invalid(f)}
            value={slot.room}
            onChange={(e) => set({ room: e.target.value })}
          >
            <option value="">No room</option>
            {rooms.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Physician" hint="Optional" error={error('physicianId')}>
        {(f) => (
          <select
            id={f.id}
            aria-describedby={f.describedBy}
            aria-invalid={invalid(f)}
            value={slot.physicianId}
            onChange={(e) => set({ physicianId: e.target.value })}
          >
            <option value="">No physician</option>
            {props.physicians.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Date" error={error('startsAt')}>
        {(f) => (
          <input
            id={f.id}
            type="date"
            aria-describedby={f.describedBy}
            aria-invalid={invalid(f)}
            value={slot.date}
            onChange={(e) => set({ date: e.target.value })}
          />
        )}
      </Field>
      <Field label="Start time" hint={`Time zone: ${BROWSER_TZ}`}>
        {(f) => (
          <input
            id={f.id}
            type="time"
            step={300}
            aria-describedby={f.describedBy}
            value={slot.time}
            onChange={(e) => set({ time: e.target.value })}
          />
        )}
      </Field>
      <Field label="Duration (minutes)" hint={props.durationHint} error={error('minutes')}>
        {(f) => (
          <input
            id={f.id}
            type="number"
            min={5}
            max={600}
            step={5}
            inputMode={props.numericDuration ? 'numeric' : undefined}
            aria-describedby={f.describedBy}
            aria-invalid={invalid(f)}
            value={slot.minutes}
            onChange={(e) => set({ minutes: e.target.value })}
          />
        )}
      </Field>
      <Field label="Type" error={error('purpose')}>
        {(f) => (
          <select
            id={f.id}
            aria-describedby={f.describedBy}
            aria-invalid={invalid(f)}
            value={slot.purpose}
            onChange={(e) => set({ purpose: e.target.value })}
          >
            {Object.entries(PURPOSE_WORDS).map(([k, v]) => (
              <option key={k} value={k}>
                {v}
              </option>
            ))}
          </select>
        )}
      </Field>
    </>
  );
}

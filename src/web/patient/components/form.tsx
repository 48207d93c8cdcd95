/**
 * Form pieces for the patient pages whose ids are known, so an error summary can move focus to the field:
 * a radio group (optionally as cards), a checkbox group where "none" stands alone, and a text input.
 * Every input has a visible label; hints and errors are tied to it with aria-describedby.
 */
import type { ReactNode } from 'react';

export interface Option<T extends string> {
  value: T;
  label: string;
  detail?: ReactNode;
}

function describedBy(id: string, hint?: string, error?: string): string | undefined {
  return [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
}

function GroupHead(props: { id: string; hint?: string; error?: string }) {
  return (
    <>
      {props.hint && (
        <p className="hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      )}
      {props.error && (
        <p className="error-text" id={`${props.id}-error`}>
          {props.error}
        </p>
      )}
    </>
  );
}

/** The id of a group's first input: where the error summary sends the focus. */
export const firstInputId = (groupId: string) => `${groupId}-0`;

export function RadioGroup<T extends string>(props: {
  id: string;
  legend: string;
  options: readonly Option<T>[];
  value: T | '';
  onChange: (value: T) => void;
  hint?: string;
  error?: string;
  cards?: boolean;
}) {
  const cls = ['choices', props.cards ? 'cards' : '', props.error ? 'field-error' : ''].filter(Boolean);
  return (
    <fieldset
      className={cls.join(' ')}
      id={props.id}
      aria-describedby={describedBy(props.id, props.hint, props.error)}
    >
      <legend>{props.legend}</legend>
      <GroupHead id={props.id} hint={props.hint} error={props.error} />
      {props.options.map((o, i) => (
        <label key={o.value} className="choice" htmlFor={`${props.id}-${i}`}>
          <input
            id={`${props.id}-${i}`}
            type="radio"
            name={props.id}
            value={o.value}
            checked={props.value === o.value}
            onChange={() => props.onChange(o.value)}
          />
          <span>
            <span className="choice-label">{o.label}</span>
            {o.detail}
          </span>
        </label>
      ))}
    </fieldset>
  );
}

/** Checkboxes where `none` (if given) clears the others and any other choice clears `none`. */
export function CheckGroup<T extends string>(props: {
  id: string;
  legend: string;
  options: readonly Option<T>[];
  value: readonly T[];
  onChange: (value: T[]) => void;
  none?: T;
  hint?: string;
  error?: string;
}) {
  const toggle = (v: T, on: boolean) => {
    if (!on) return props.onChange(props.value.filter((x) => x !== v));
    if (v === props.none) return props.onChange([v]);
    return props.onChange([...props.value.filter((x) => x !== props.none), v]);
  };
  return (
    <fieldset
      className={props.error ? 'choices field-error' : 'choices'}
      id={props.id}
      aria-describedby={describedBy(props.id, props.hint, props.error)}
    >
      <legend>{props.legend}</legend>
      <GroupHead id={props.id} hint={props.hint} error={props.error} />
      {props.options.map((o, i) => (
        <label key={o.value} className="choice" htmlFor={`${props.id}-${i}`}>
          <input
            id={`${props.id}-${i}`}
            type="checkbox"
            name={props.id}
            value={o.value}
            checked={props.value.includes(o.value)}
            onChange={(e) => toggle(o.value, e.target.checked)}
          />
          <span className="choice-label">{o.label}</span>
        </label>
      ))}
    </fieldset>
  );
}

export function TextInput(props: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  optional?: string;
  hint?: string;
  error?: string;
  type?: 'text' | 'tel' | 'email' | 'date';
  autoComplete?: string;
  inputMode?: 'text' | 'tel' | 'email' | 'numeric';
  maxLength?: number;
  multiline?: boolean;
  max?: string;
}) {
  const common = {
    id: props.id,
    name: props.id,
    value: props.value,
    'aria-describedby': describedBy(props.id, props.hint, props.error),
    'aria-invalid': props.error ? true : undefined,
    autoComplete: props.autoComplete,
    maxLength: props.maxLength,
  } as const;
  return (
    <div className={props.error ? 'field field-error' : 'field'}>
      <label htmlFor={props.id}>
        {props.label}
        {props.optional && <span className="optional"> {props.optional}</span>}
      </label>
      <GroupHead id={props.id} hint={props.hint} error={props.error} />
      {props.multiline ? (
        <textarea {...common} rows={2} onChange={(e) => props.onChange(e.target.value)} />
      ) : (
        <input
          {...common}
          type={props.type ?? 'text'}
          inputMode={props.inputMode}
          max={props.max}
          onChange={(e) => props.onChange(e.target.value)}
        />
      )}
    </div>
  );
}

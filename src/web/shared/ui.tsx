/**
 * Accessible form pieces shared by both apps: every input has a visible label, its hint and error are tied
 * to it with aria-describedby, errors are announced, and an error summary links to each field.
 */
import { type ReactNode, useId } from 'react';

export function Field(props: {
  /** A stable id for the input (a link can then point at it); generated when absent. */
  id?: string;
  label: string;
  hint?: string;
  error?: string;
  children: (ids: { id: string; describedBy: string | undefined; invalid: boolean }) => ReactNode;
}) {
  const generated = useId();
  const id = props.id ?? generated;
  const hintId = props.hint ? `${id}-hint` : undefined;
  const errId = props.error ? `${id}-error` : undefined;
  const describedBy = [hintId, errId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={props.error ? 'field field-error' : 'field'}>
      <label htmlFor={id}>{props.label}</label>
      {props.hint && (
        <p className="hint" id={hintId}>
          {props.hint}
        </p>
      )}
      {props.error && (
        <p className="error-text" id={errId}>
          {props.error}
        </p>
      )}
      {props.children({ id, describedBy, invalid: Boolean(props.error) })}
    </div>
  );
}

/** A group of radios or checkboxes with a legend. */
export function Choices<T extends string>(props: {
  legend: string;
  name: string;
  type: 'radio' | 'checkbox';
  options: readonly { value: T; label: string }[];
  selected: readonly T[];
  onChange: (next: T[]) => void;
  error?: string;
  hint?: string;
}) {
  const id = useId();
  return (
    <fieldset
      className={props.error ? 'choices field-error' : 'choices'}
      aria-describedby={props.error ? `${id}-error` : undefined}
    >
      <legend>{props.legend}</legend>
      {props.hint && <p className="hint">{props.hint}</p>}
      {props.error && (
        <p className="error-text" id={`${id}-error`}>
          {props.error}
        </p>
      )}
      {props.options.map((o) => (
        <label key={o.value} className="choice">
          <input
            type={props.type}
            name={props.name}
            value={o.value}
            checked={props.selected.includes(o.value)}
            onChange={(e) => {
              if (props.type === 'radio') props.onChange([o.value]);
              else if (e.target.checked) props.onChange([...props.selected, o.value]);
              else props.onChange(props.selected.filter((v) => v !== o.value));
            }}
          />
          <span>{o.label}</span>
        </label>
      ))}
    </fieldset>
  );
}

/** A live region for "saved", "sent", errors: screen readers hear it when it changes. */
export function Status(props: { kind: 'ok' | 'error' | 'info'; children: ReactNode }) {
  return (
    <div className={`status status-${props.kind}`} role={props.kind === 'error' ? 'alert' : 'status'}>
      {props.children}
    </div>
  );
}

export function ErrorSummary(props: { title: string; items: { path: string; message: string }[] }) {
  if (!props.items.length) return null;
  return (
    <div className="status status-error" role="alert">
      <p>
        <strong>{props.title}</strong>
      </p>
      <ul>
        {props.items.map((i) => (
          <li key={i.path + i.message}>
            {i.path ? `${i.path}: ` : ''}
            {i.message}
          </li>
        ))}
      </ul>
    </div>
  );
}

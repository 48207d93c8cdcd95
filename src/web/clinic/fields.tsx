/**
 * A labelled input for the clinic's forms: the shared Field (label, hint, error tied to the input) around an
 * input that takes its id, aria-describedby and aria-invalid from it. Other input attributes pass through.
 */
import type { InputHTMLAttributes } from 'react';
import { Field } from '../shared/ui';

type InputAttributes = Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'id' | 'value' | 'onChange' | 'aria-describedby' | 'aria-invalid'
>;

export function TextField(
  props: {
    label: string;
    hint?: string;
    error?: string;
    value: string;
    onChange: (value: string) => void;
  } & InputAttributes,
) {
  const { label, hint, error, value, onChange, ...input } = props;
  return (
    <Field label={label} hint={hint} error={error}>
      {(f) => (
        <input
          {...input}
          id={f.id}
          aria-describedby={f.describedBy}
          aria-invalid={f.invalid}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

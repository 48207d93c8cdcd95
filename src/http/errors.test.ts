import { describe, expect, it } from 'vitest';
import { redactQueryParams } from './errors.js';

describe('logs of failed queries', () => {
  it('keep the SQL and drop the parameters (patient data)', () => {
    const message =
      'Failed query: insert into "patients" ("given_name", "birth_date") values ($1, $2)\nparams: Alice,1950-02-03';
    expect(redactQueryParams(message)).toBe(
      'Failed query: insert into "patients" ("given_name", "birth_date") values ($1, $2)\nparams: [redacted]',
    );
  });
  it('also inside a stack trace, keeping the frames', () => {
    const stack = 'Error: Failed query: select 1\nparams: Alice\n    at run (file.js:1:1)';
    expect(redactQueryParams(stack)).toBe(
      'Error: Failed query: select 1\nparams: [redacted]\n    at run (file.js:1:1)',
    );
  });
});

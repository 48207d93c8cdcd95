import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { caseJsonSchema, policyJsonSchema } from '../src/contract/json-schema.js';

const published = (name: string) =>
  JSON.parse(readFileSync(new URL(`../docs/${name}`, import.meta.url), 'utf8'));

describe('published JSON Schemas', () => {
  it('docs/case.schema.json is what the case contract generates (run `npm run schema` after changing it)', () => {
    expect(published('case.schema.json')).toEqual(caseJsonSchema());
  });
  it('docs/policy.schema.json is what the policy schema generates', () => {
    expect(published('policy.schema.json')).toEqual(policyJsonSchema());
  });
  it('dates are published with format "date"', () => {
    const props = (caseJsonSchema().properties as Record<string, { format?: string }>).asOf;
    expect(props?.format).toBe('date');
  });
});

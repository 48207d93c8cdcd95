/**
 * JSON Schema documents for the case file and the policy file, generated from the zod schemas so they can
 * never drift (a test compares them with the published copies in docs/). Cross-field checks (dates in
 * order, ids unique…) are not expressible in JSON Schema; they are listed in the descriptions.
 */
import { z } from 'zod';
import { policySchema } from '../domain/policy/schema.js';
import { caseSchema } from './case.js';

function document(schema: z.ZodType, title: string, description: string): Record<string, unknown> {
  const json = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' });
  return { ...json, title, description };
}

export function caseJsonSchema(): Record<string, unknown> {
  return document(
    caseSchema,
    'Facetpath case file',
    'A patient complaint, the facet procedures already done (with diaries and follow-ups) and a proposed one. ' +
      'Also checked beyond this schema: procedure ids unique; past procedures not after the proposed one; ' +
      'diary entries in increasing time order; follow-ups not before their procedure; conservative care end ' +
      'not before start; no joint listed twice in a procedure; the proposed procedure is a facet procedure.',
  );
}

export function policyJsonSchema(): Record<string, unknown> {
  return document(
    policySchema,
    'Facetpath policy file',
    'A payer or practice policy as data: rules of known kinds with parameters and a citation each, and ' +
      'versions with effective dates that may override parameters. Also checked: unique rule ids, exactly one ' +
      'block-interpretation rule, versions in increasing effective order, overrides name existing rules, no ' +
      'state in two jurisdictions.',
  );
}

// Writes docs/case.schema.json and docs/policy.schema.json from the zod schemas (run after `npm run build`).
import { writeFileSync } from 'node:fs';
import { caseJsonSchema, policyJsonSchema } from '../dist/contract/json-schema.js';

writeFileSync(
  new URL('../docs/case.schema.json', import.meta.url),
  `${JSON.stringify(caseJsonSchema(), null, 2)}\n`,
);
writeFileSync(
  new URL('../docs/policy.schema.json', import.meta.url),
  `${JSON.stringify(policyJsonSchema(), null, 2)}\n`,
);
console.log('wrote docs/case.schema.json and docs/policy.schema.json');

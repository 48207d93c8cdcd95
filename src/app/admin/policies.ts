/** Which payer policy each coverage kind is evaluated under, chosen from the loaded catalog. */
import type { z } from 'zod';
import type { policiesInput } from '../../contract/admin.js';
import { findPractice, setPolicyByCoverage } from '../../store/practices.js';
import { type RequestContext, requireStaff } from '../actor.js';
import { AppError, notFound } from '../errors.js';
import { audit, inTransaction, type Services } from '../services.js';

const catalog = (svc: Services) =>
  svc.policies.map((p) => ({
    id: p.id,
    title: p.title,
    defaultFor: [...p.defaultFor],
    versions: p.versions.map((v) => ({
      version: v.version,
      effective: v.effective,
      summary: v.summary,
      source: v.source,
    })),
  }));

export async function getPolicies(svc: Services, ctx: RequestContext) {
  const actor = requireStaff(ctx, 'practice:read');
  const practice = await findPractice(svc.database.db, actor.practiceId);
  if (!practice) throw notFound('practice');
  return { policyByCoverage: practice.policyByCoverage, catalog: catalog(svc) };
}

export function setPolicies(svc: Services, ctx: RequestContext, input: z.output<typeof policiesInput>) {
  const actor = requireStaff(ctx, 'practice:write');
  const known = new Set(svc.policies.map((p) => p.id));
  const issues = Object.entries(input.policyByCoverage)
    .filter(([, id]) => !known.has(id as string))
    .map(([kind, id]) => ({
      path: `body.policyByCoverage.${kind}`,
      message: `unknown policy "${id}"; known: ${[...known].join(', ')}`,
    }));
  if (issues.length > 0) {
    throw new AppError('VALIDATION', issues.map((i) => `${i.path}: ${i.message}`).join('; '), issues);
  }
  return inTransaction(svc, async (tx) => {
    const row = await setPolicyByCoverage(tx, actor.practiceId, input.policyByCoverage);
    if (!row) throw notFound('practice');
    await audit(tx, ctx, {
      action: 'update',
      entity: 'practice-policies',
      entityId: row.id,
      patientId: null,
    });
    return { policyByCoverage: row.policyByCoverage, catalog: catalog(svc) };
  });
}

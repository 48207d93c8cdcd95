/**
 * The pure clinical functions the clinic's browser screens run live (no zod, no Node): the facet joints of a
 * region, the nerves to block, the levels counted and the CPT lines of a session. The server runs the very same
 * functions, so what the block form previews is what the decision and the packet will say.
 */
export {
  AGENTS,
  type Agent,
  GUIDANCE,
  type Guidance,
  INTENTS,
  OTHER_BLOCKS,
  PAIN_SCALES,
  PROCEDURE_KINDS,
  type Procedure,
  type ProcedureKind,
  RFA_TECHNIQUES,
  SEDATION,
  type Sedation,
} from '../domain/case.js';
export { type CodingLine, type CodingOptions, codeSession } from '../domain/coding/cpt.js';
/** Which procedures take a pain diary: the server's own rule (diary links, diary entries). */
export { type ProcedureStatus, takesDiary } from '../domain/diary/takes-diary.js';
/** The shape of POST /api/v1/evaluate's answer (the contract's evaluationResult is checked against it). */
export type { EvaluationResult } from '../domain/result.js';
export {
  countLevels,
  cptRegionOf,
  JOINTS,
  type Joint,
  type JointSide,
  levelsByCptRegion,
  type NerveTarget,
  nervesForJoint,
  nervesForJoints,
  REGIONS,
  type Region,
  regionOf,
  SIDES,
  type Side,
} from '../domain/spine/joints.js';

/**
 * The contract's bounds on the injected volume (src/contract/case.ts: volumeMlPerNerve is positive, at most
 * 10 mL); preview.test.ts checks they stay the same. The consensus guidelines advise far less (0.5 mL per nerve, an
 * advisory rule of policies/consensus-2020.json).
 */
export const VOLUME_ML_PER_NERVE = { exclusiveMin: 0, max: 10 } as const;
/** A diary link lasts 1 to 336 hours (src/contract/diary-links.ts, MAX_LINK_HOURS); 72 by default. */
export const DIARY_LINK_HOURS = { min: 1, max: 336, default: 72 } as const;

/**
 * The clinical core's view of a case: a complaint, the procedures already done, and a proposed one.
 * The wire format is defined by the zod schema in src/contract/case.ts, which is checked at compile time to
 * produce exactly these types; the domain keeps its own definition so that it imports nothing of ours.
 */
import type { IsoDate } from './dates.js';
import type { JointSide, Region } from './spine/joints.js';

export const COVERAGE_KINDS = [
  'medicare',
  'medicare-advantage',
  'commercial',
  'medicaid',
  'self-pay',
] as const;
export type CoverageKind = (typeof COVERAGE_KINDS)[number];

export const PAIN_SCALES = ['NRS', 'VAS'] as const;
export type PainScale = (typeof PAIN_SCALES)[number];

export const RADICULAR = ['none', 'treated', 'untreated', 'facet-cyst'] as const;
export const NON_FACET_CAUSES = ['none', 'fracture', 'tumor', 'infection', 'deformity'] as const;
export const FUNCTION_INSTRUMENTS = ['ODI', 'NDI', 'PROMIS-PI', 'other'] as const;
/** Imaging on file for the complaint (spec §1: MRI/CT is usually on file). */
export const IMAGING_KINDS = ['mri', 'ct', 'xray', 'ultrasound', 'other'] as const;
export const CONSERVATIVE_CARE_KINDS = [
  'physical-therapy',
  'medication',
  'manipulation',
  'exercise',
  'activity-modification',
  'other',
] as const;

export const PROCEDURE_KINDS = ['mbb', 'intra-articular', 'rfa', 'other-block'] as const;
export type ProcedureKind = (typeof PROCEDURE_KINDS)[number];
export const OTHER_BLOCKS = ['epidural', 'si-joint', 'trigger-point', 'other'] as const;
export const INTENTS = ['diagnostic', 'therapeutic'] as const;
export const AGENTS = ['lidocaine', 'bupivacaine', 'ropivacaine'] as const;
export type Agent = (typeof AGENTS)[number];
export const GUIDANCE = ['fluoroscopy', 'ct', 'ultrasound', 'none'] as const;
export type Guidance = (typeof GUIDANCE)[number];
export const SEDATION = ['none', 'local', 'moderate', 'mac', 'general'] as const;
export type Sedation = (typeof SEDATION)[number];
export const RFA_TECHNIQUES = ['thermal', 'cooled', 'pulsed', 'chemical', 'cryo', 'laser'] as const;
export type RfaTechnique = (typeof RFA_TECHNIQUES)[number];

export interface PainScore {
  scale: PainScale;
  score: number;
}

export interface Coverage {
  kind: CoverageKind;
  state: string;
}

export interface ConservativeCare {
  kind: (typeof CONSERVATIVE_CARE_KINDS)[number];
  start: IsoDate;
  end: IsoDate;
  failed: boolean;
}

export interface Imaging {
  kind: (typeof IMAGING_KINDS)[number];
  date: IsoDate;
  /** What it showed, in the radiologist's or physician's words. */
  finding?: string;
}

export interface Complaint {
  region: Region;
  /** The index pain in words: where, what it is like, what provokes it. No rule reads it. */
  description?: string;
  onset?: IsoDate;
  axial?: boolean;
  radicular?: (typeof RADICULAR)[number];
  neurogenicClaudication?: boolean;
  nonFacetCause?: (typeof NON_FACET_CAUSES)[number];
  diagnoses?: string[];
  /** Pain during provocative activity; `activity` names it (e.g. "standing from a chair"). */
  baseline?: PainScore & { date: IsoDate; activity?: string };
  function?: { instrument: (typeof FUNCTION_INSTRUMENTS)[number]; score: number; date: IsoDate };
  conservativeCare?: ConservativeCare[];
  /** Imaging on file. No rule reads it. */
  imaging?: Imaging[];
  rfaContraindication?: string;
}

/** The complaint without its region: what an episode records as its facts (the region is the episode's own). */
export type ComplaintFacts = Omit<Complaint, 'region'>;

export interface Procedure {
  id: string;
  kind: ProcedureKind;
  otherBlock?: (typeof OTHER_BLOCKS)[number];
  intent: (typeof INTENTS)[number];
  date: IsoDate;
  joints: JointSide[];
  agent?: Agent;
  volumeMlPerNerve?: number;
  guidance: Guidance;
  sedation: Sedation;
  sedationJustified?: boolean;
  technique?: RfaTechnique;
  temperatureC?: number;
}

export interface DiaryEntry {
  minutesAfter: number;
  score: number;
}

export interface FollowUp {
  date: IsoDate;
  reliefPercent: number;
  functionImprovementPercent?: number;
}

export interface PastProcedure extends Procedure {
  preScore?: PainScore;
  diary?: DiaryEntry[];
  followUp?: FollowUp[];
}

export interface Case {
  asOf?: IsoDate;
  policy?: string;
  coverage: Coverage;
  complaint: Complaint;
  history: PastProcedure[];
  proposed: Procedure;
}

/** What a procedure is for the policy rules: a diagnostic block, a therapeutic injection, an RFA, or other. */
export type ProcedureCategory = 'diagnostic' | 'therapeutic' | 'rfa' | 'other';

export function categoryOf(p: Pick<Procedure, 'kind' | 'intent'>): ProcedureCategory {
  if (p.kind === 'rfa') return 'rfa';
  if (p.kind === 'other-block') return 'other';
  return p.intent === 'diagnostic' ? 'diagnostic' : 'therapeutic';
}

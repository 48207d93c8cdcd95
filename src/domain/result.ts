/** What an evaluation returns (the contract other parts and users rely on; see docs/case-format.md). */
import type { Agent, ProcedureKind } from './case.js';
import type { ReasonCode } from './codes.js';
import type { IsoDate } from './dates.js';
import type { BlockResult, ComparativeResult } from './diary/interpret.js';
import type { CptRegion, Joint } from './spine/joints.js';

export type Verdict = 'eligible' | 'not-eligible' | 'needs-information';
export type CriterionStatus = 'met' | 'not-met' | 'unknown';

export interface Criterion {
  rule: string;
  title: string;
  /** required criteria decide the verdict; advisory ones only add warnings. */
  severity: 'required' | 'advisory';
  status: CriterionStatus;
  reason?: ReasonCode;
  message: string;
  source: string;
  earliestDate?: IsoDate;
}

export interface BlockReport {
  id: string;
  date: IsoDate;
  kind: ProcedureKind;
  agent: Agent | null;
  result: BlockResult;
  /** Rounded to the nearest integer (87.5 → 88); null when it cannot be computed. */
  peakReliefPercent: number | null;
  durationMinutes: number;
  threshold: number;
  thresholdInclusive: boolean;
  reasons: ReasonCode[];
  warnings: ReasonCode[];
  explanation: string;
  rule: string;
}

export interface CodingReport {
  code: string;
  modifiers: string[];
  units: number;
  covered: boolean;
  region: CptRegion;
  levels: Joint[];
  description: string;
}

export interface NextStep {
  action:
    | 'reschedule'
    | 'confirmatory-block'
    | 'rfa'
    | 'follow-up'
    | 'repeat-rfa'
    | 'repeat-therapeutic-injection'
    | 'provide-information';
  /** The date the rule allows (never moved to the as-of date); null when no date can be given. */
  earliestDate: IsoDate | null;
  /** true when earliestDate is already past on the as-of date. */
  alreadyAllowed: boolean;
  reason: string;
}

export interface EvaluationResult {
  policy: {
    id: string;
    title: string;
    version: string;
    lcd?: string;
    contractor?: string;
    note?: string;
  };
  asOf: IsoDate;
  proposed: { id: string; kind: ProcedureKind; intent: string; date: IsoDate };
  verdict: Verdict;
  reasons: ReasonCode[];
  warnings: ReasonCode[];
  criteria: Criterion[];
  blocks: BlockReport[];
  comparative: { result: ComparativeResult; shortBlockId: string; longBlockId: string } | null;
  coding: CodingReport[];
  next: NextStep[];
}

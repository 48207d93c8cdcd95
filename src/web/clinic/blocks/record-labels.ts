/** Words for the block record's codes (src/contract/block-record.ts); complete by type. */
import type { Complication, Steroid } from '../../../contract/block-record';

export const STEROID_LABEL: Record<Steroid, string> = {
  dexamethasone: 'Dexamethasone',
  triamcinolone: 'Triamcinolone',
  methylprednisolone: 'Methylprednisolone',
  betamethasone: 'Betamethasone',
};

export const COMPLICATION_LABEL: Record<Complication, string> = {
  vasovagal: 'Vasovagal reaction',
  bleeding: 'Bleeding',
  hematoma: 'Hematoma',
  'increased-pain': 'Increased pain',
  numbness: 'Numbness',
  weakness: 'Weakness',
  'intravascular-uptake': 'Intravascular uptake of contrast',
  'dural-puncture': 'Dural puncture',
  'allergic-reaction': 'Allergic reaction',
  infection: 'Infection',
  other: 'Other (describe in the note)',
};

export const STEROIDS = Object.keys(STEROID_LABEL) as Steroid[];
export const COMPLICATIONS = Object.keys(COMPLICATION_LABEL) as Complication[];

/** "0.5 % bupivacaine" style: the concentration before the agent's name. */
export const percentText = (n: number) => `${String(n)} %`;

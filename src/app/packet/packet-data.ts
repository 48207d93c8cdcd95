/** What the medical-necessity packet shows: gathered by get-packet.ts, drawn by render-packet.ts. */
import type { BlockInterpretationDto } from '../../contract/procedures.js';
import type { Complaint } from '../../domain/case.js';
import type { EvaluationResult } from '../../domain/result.js';

export interface PacketBlock {
  id: string;
  date: string;
  kind: string;
  joints: { joint: string; side: string }[];
  volumeMlPerNerve: number | null;
  guidance: string;
  /** The block's reading, exactly as the interpretation endpoint gives it. */
  interpretation: BlockInterpretationDto;
  /** The rest of the block record (migration 0008), each line only when recorded; in words already. */
  record?: [string, string][];
}

export interface PacketData {
  generatedAt: string;
  generatedBy: string;
  practice: { name: string; phone: string | null };
  patient: { name: string; birthDate: string; mrn: string | null };
  coverage: { kind: string; state: string; payerName: string | null; memberId: string | null };
  episode: { id: string; region: string; complaint: Omit<Complaint, 'region'> };
  proposed: {
    id: string;
    kind: string;
    intent: string;
    date: string;
    joints: { joint: string; side: string }[];
    technique: string | null;
    temperatureC: number | null;
    guidance: string;
    sedation: string;
  };
  blocks: PacketBlock[];
  /** The decision, exactly as the evaluation endpoint gives it. */
  evaluation: EvaluationResult;
}

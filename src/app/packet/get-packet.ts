/**
 * The medical-necessity packet of a decision: everything a payer needs in one PDF — the practice, the
 * patient, the episode's history and conservative care, every diagnostic block with its diary and computed
 * relief, the policy criteria with their sources, the coding lines and the verdict.
 *
 * The numbers are not computed here: the decision is the episode's evaluation (the same conversion and
 * evaluator as GET /episodes/:id/evaluation) and each block's reading is its interpretation (the same
 * function as GET /procedures/:id/interpretation). This module only gathers them; render-packet.ts draws.
 */
import { findPatient } from '../../store/patients.js';
import { userNames } from '../../store/staff.js';
import { type RequestContext, requireStaff } from '../actor.js';
import { AppError, notFound } from '../errors.js';
import { evaluateCase } from '../evaluate-case.js';
import { interpret } from '../procedures/interpretation.js';
import { checkedCase, episodeToCase, loadCaseRecords } from '../records/episode-case.js';
import { procedureDto } from '../records/procedure-dto.js';
import { audit, inTransaction, type Services, today } from '../services.js';
import { blockRecordLines } from './block-record-lines.js';
import type { PacketBlock, PacketData } from './packet-data.js';
import { renderPacket } from './render-packet.js';

/** Gathers the packet's data in one transaction and audits the read of the patient's records. */
export function gatherPacket(
  svc: Services,
  ctx: RequestContext,
  episodeId: string,
  q: { proposed: string; asOf?: string },
): Promise<PacketData> {
  const actor = requireStaff(ctx, 'episodes:read');
  return inTransaction(svc, async (tx) => {
    const records = await loadCaseRecords(tx, actor.practiceId, episodeId);
    const proposed = records.procedures.find((p) => p.id === q.proposed);
    if (!proposed) throw new AppError('NOT_FOUND', 'procedure not found in this episode');
    const evaluation = evaluateCase(checkedCase(episodeToCase(records, proposed, q.asOf)), svc.policies, {
      today: today(svc),
    });
    const patient = await findPatient(tx, actor.practiceId, records.episode.patientId);
    if (!patient) throw notFound('patient');
    const coverage = records.coverage!; // episodeToCase refuses an episode without an active coverage
    const blocks: PacketBlock[] = [];
    for (const b of evaluation.blocks) {
      const row = records.procedures.find((p) => p.id === b.id)!;
      const { dto } = await interpret(tx, svc, actor.practiceId, b.id, ctx.now);
      blocks.push({
        id: b.id,
        date: row.date,
        kind: row.kind,
        joints: row.joints,
        volumeMlPerNerve: row.volumeMlPerNerve,
        guidance: row.guidance,
        interpretation: dto,
        record: blockRecordLines(
          procedureDto(
            row,
            records.diary.find((d) => d.procedureId === row.id && d.inRecovery),
          ),
        ),
      });
    }
    const names = await userNames(tx, actor.practiceId, [actor.userId]);
    await audit(tx, ctx, {
      action: 'read',
      entity: 'packet',
      entityId: episodeId,
      patientId: records.episode.patientId,
    });
    return {
      generatedAt: ctx.now.toISOString(),
      generatedBy: names.get(actor.userId) ?? 'staff',
      practice: { name: records.practice.name, phone: records.practice.phone },
      patient: {
        name: `${patient.givenName} ${patient.familyName}`,
        birthDate: patient.birthDate,
        mrn: patient.mrn,
      },
      coverage: {
        kind: coverage.kind,
        state: coverage.state,
        payerName: coverage.payerName,
        memberId: coverage.memberId,
      },
      episode: {
        id: records.episode.id,
        region: records.episode.region,
        complaint: records.episode.complaint,
      },
      proposed: {
        id: proposed.id,
        kind: proposed.kind,
        intent: proposed.intent,
        date: proposed.date,
        joints: proposed.joints,
        technique: proposed.technique,
        temperatureC: proposed.temperatureC,
        guidance: proposed.guidance,
        sedation: proposed.sedation,
      },
      blocks,
      evaluation,
    };
  });
}

/** The packet as a PDF, with a file name that carries no patient name. */
export async function getPacket(
  svc: Services,
  ctx: RequestContext,
  episodeId: string,
  q: { proposed: string; asOf?: string },
): Promise<{ pdf: Uint8Array; filename: string }> {
  const data = await gatherPacket(svc, ctx, episodeId, q);
  const pdf = await renderPacket(data);
  const kind = data.proposed.kind.replace(/[^a-z0-9-]/gi, '');
  return {
    pdf,
    filename: `medical-necessity-${kind}-${data.proposed.date}-${episodeId.slice(0, 8)}.pdf`,
  };
}

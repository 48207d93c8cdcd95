/**
 * The medical-necessity packet over HTTP on both databases: a PDF whose text (extracted with pdftotext)
 * carries the patient, both blocks' relief, the threshold, the criteria with their sources, the coding and
 * the verdict — each value taken from the API's own evaluation and interpretation answers; tenant
 * isolation, the audit of the read, and a bad `proposed` named by its path.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Session, startTestApp, type TestApp } from '../support/app.js';
import { testDatabases } from '../support/databases.js';
import { bupivacaineDiary, complaint, joints, lidocaineDiary, mbb } from '../support/pathway.js';
import { pdfText, squash } from '../support/pdf-text.js';

const rfa = {
  kind: 'rfa',
  intent: 'therapeutic',
  date: '2026-03-09',
  joints,
  guidance: 'fluoroscopy',
  sedation: 'local',
  technique: 'thermal',
  temperatureC: 80,
  status: 'planned',
};

describe.each(testDatabases)('medical-necessity packet over HTTP on $name', (db) => {
  let t: TestApp;
  let coordinator: Session;
  let physician: Session;
  let otherPhysician: Session;
  beforeAll(async () => {
    t = await startTestApp(db);
    coordinator = await t.signIn(0, 'coordinator');
    physician = await t.signIn(0, 'physician');
    otherPhysician = await t.signIn(1, 'physician');
  }, 60_000);
  afterAll(() => t?.close());

  async function ok(s: Session, method: 'GET' | 'POST' | 'PUT', url: string, body?: unknown) {
    const res = await t.call(s, method, url, body);
    if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
    return res.json();
  }

  async function pathway() {
    const patient = await ok(coordinator, 'POST', '/api/v1/patients', {
      givenName: 'Héloïse',
      familyName: 'Marchetti',
      birthDate: '1952-08-19',
    });
    await ok(coordinator, 'PUT', `/api/v1/patients/${patient.id}/coverage`, {
      kind: 'medicare',
      state: 'CA',
    });
    const episode = await ok(coordinator, 'POST', `/api/v1/patients/${patient.id}/episodes`, {
      region: 'lumbar',
      complaint,
    });
    const blocks = [];
    for (const [date, agent, diary] of [
      ['2026-01-12', 'lidocaine', lidocaineDiary],
      ['2026-02-02', 'bupivacaine', bupivacaineDiary],
    ] as const) {
      const b = await ok(physician, 'POST', `/api/v1/episodes/${episode.id}/procedures`, mbb(date, agent));
      for (const [minutesAfter, score] of diary) {
        await ok(coordinator, 'POST', `/api/v1/procedures/${b.id}/diary-entries`, {
          minutesAfter,
          score,
          idempotencyKey: `entry-${b.id}-${minutesAfter}`,
        });
      }
      blocks.push(b);
    }
    await ok(physician, 'POST', `/api/v1/procedures/${blocks[0].id}/interpretation`, {
      note: 'Scores read out by phone at 4 h.',
      override: { result: 'indeterminate', reason: 'Rescue medication before the 2 h entry.' },
    });
    const planned = await ok(physician, 'POST', `/api/v1/episodes/${episode.id}/procedures`, rfa);
    return { patient, episode, blocks, planned };
  }

  it('answers a PDF with the patient, both blocks, the threshold, the criteria and their sources, the coding and the verdict', async () => {
    const { patient, episode, blocks, planned } = await pathway();
    const url = `/api/v1/episodes/${episode.id}/packet.pdf?proposed=${planned.id}`;
    const res = await t.call(coordinator, 'GET', url);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const disposition = String(res.headers['content-disposition']);
    expect(disposition).toMatch(/^attachment; filename="[a-z0-9.-]+\.pdf"$/);
    expect(disposition).not.toMatch(/marchetti|heloise|héloïse/i);
    expect(res.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    const text = squash(pdfText(res.rawPayload));
    const evaluation = await ok(
      coordinator,
      'GET',
      `/api/v1/episodes/${episode.id}/evaluation?proposed=${planned.id}`,
    );
    const interpretations = [];
    for (const b of blocks) {
      interpretations.push(await ok(coordinator, 'GET', `/api/v1/procedures/${b.id}/interpretation`));
    }

    expect(text).toContain('Héloïse Marchetti');
    expect(text).toContain(patient.birthDate);
    expect(text).toContain('Medical-necessity packet');
    for (const [k, i] of interpretations.entries()) {
      expect(text).toContain(`Block ${k + 1}:`);
      expect(text).toContain(`Peak relief ${Math.round(i.peakReliefPercent)} %`);
      expect(text).toContain(`Duration at threshold ${i.durationMinutes} min`);
      expect(text).toContain(`Result ${i.result.toUpperCase()}`);
      expect(text).toContain(`threshold ${i.thresholdInclusive ? '>=' : '>'} ${i.threshold} %`);
    }
    expect(interpretations[0].interpretedByName).toBe('physician 0');
    expect(text).toContain('Signed by physician 0 on');
    // The override is shown beside the computed result, which stays and is the one the decision uses.
    expect(text).toContain(
      `Physician's override INDETERMINATE (computed ${interpretations[0].result.toUpperCase()}; the decision uses the computed result). Reason: Rescue medication before the 2 h entry.`,
    );
    expect(text).toContain('Sign-off note Scores read out by phone at 4 h.');
    // The verdict, the policy version, and every criterion's rule and the start of its source.
    const verdictWords = {
      eligible: 'ELIGIBLE',
      'not-eligible': 'NOT ELIGIBLE',
      'needs-information': 'NEEDS INFORMATION',
    };
    expect(text).toContain(`Verdict ${verdictWords[evaluation.verdict as keyof typeof verdictWords]}`);
    expect(text).toContain(`version ${evaluation.policy.version}`);
    for (const c of evaluation.criteria) {
      expect(text).toContain(`${c.rule}:`);
      expect(text).toContain(squash(c.source).split(' ').slice(0, 3).join(' '));
    }
    for (const line of evaluation.coding) {
      expect(text).toContain(line.code);
      for (const m of line.modifiers) expect(text).toContain(m);
    }
    expect(text).toContain(complaint.diagnoses[0]);
    expect(text).toContain('physical therapy');
    expect(text).toContain('Generated');
  });

  it('shows the rest of each block record (migration 0008) only where it was recorded', async () => {
    const { episode, blocks, planned } = await pathway();
    const changed = await t.call(physician, 'PATCH', `/api/v1/procedures/${blocks[1].id}`, {
      agentConcentrationPercent: 0.5,
      steroid: { drug: 'dexamethasone', doseMg: 4 },
      contrast: true,
      complications: { kinds: [] },
      observationMinutes: 30,
    });
    expect(changed.statusCode, changed.body).toBe(200);
    const res = await t.call(
      coordinator,
      'GET',
      `/api/v1/episodes/${episode.id}/packet.pdf?proposed=${planned.id}`,
    );
    expect(res.statusCode).toBe(200);
    const text = squash(pdfText(res.rawPayload));
    for (const line of [
      'Concentration 0.5 %',
      'Steroid added dexamethasone 4 mg',
      'Contrast yes',
      'Complications none',
      'Observation 30 min',
    ]) {
      expect(text).toContain(line);
    }
    expect(text.match(/Steroid added/g)).toHaveLength(1);
  });

  it("answers 404 for another practice's episode, audits the read, and names a bad `proposed`", async () => {
    const { patient, episode, planned } = await pathway();
    const foreign = await t.call(
      otherPhysician,
      'GET',
      `/api/v1/episodes/${episode.id}/packet.pdf?proposed=${planned.id}`,
    );
    expect(foreign.statusCode).toBe(404);
    expect(foreign.body).not.toContain('Marchetti');

    const before = await t.svc.database.query<{ n: string }>(
      "SELECT count(*) AS n FROM audit_events WHERE patient_id = $1 AND entity = 'packet'",
      [patient.id],
    );
    expect(Number(before[0]!.n)).toBe(0);
    const res = await t.call(
      physician,
      'GET',
      `/api/v1/episodes/${episode.id}/packet.pdf?proposed=${planned.id}`,
    );
    expect(res.statusCode).toBe(200);
    const events = await t.svc.database.query<{ action: string; actor_id: string; entity_id: string }>(
      "SELECT action, actor_id, entity_id FROM audit_events WHERE patient_id = $1 AND entity = 'packet'",
      [patient.id],
    );
    expect(events).toEqual([{ action: 'read', actor_id: physician.userId, entity_id: episode.id }]);
    // The read shows in the patient's access history (admin's view of the audit).
    const admin = await t.signIn(0, 'admin');
    const history = await ok(admin, 'GET', `/api/v1/patients/${patient.id}/access-history`);
    expect(history.items).toContainEqual(
      expect.objectContaining({ action: 'read', entity: 'packet', actorId: physician.userId }),
    );

    const bad = await t.call(physician, 'GET', `/api/v1/episodes/${episode.id}/packet.pdf?proposed=nope`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.issues[0].path).toBe('querystring.proposed');
    const missing = await t.call(physician, 'GET', `/api/v1/episodes/${episode.id}/packet.pdf`);
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.issues[0].path).toBe('querystring.proposed');
    // A done block is not a proposal: 422, as for the evaluation.
    const done = await t.call(
      physician,
      'GET',
      `/api/v1/episodes/${episode.id}/packet.pdf?proposed=${(await ok(physician, 'GET', `/api/v1/episodes/${episode.id}`)).procedures[0].id}`,
    );
    expect(done.statusCode).toBe(422);
    // Admins do not read charts.
    expect(
      (await t.call(admin, 'GET', `/api/v1/episodes/${episode.id}/packet.pdf?proposed=${planned.id}`))
        .statusCode,
    ).toBe(403);
  });
});

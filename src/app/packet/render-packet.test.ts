/**
 * The packet's drawing on its own: characters Helvetica (WinAnsi) cannot encode are replaced, long text
 * wraps instead of running off the page, and a long decision runs onto as many pages as it needs, each
 * with its footer.
 */
import { describe, expect, it } from 'vitest';
import { pdfText, squash } from '../../../test/support/pdf-text.js';
import type { PacketData } from './packet-data.js';
import { renderPacket } from './render-packet.js';

const interpretation = {
  procedureId: '00000000-0000-4000-8000-000000000001',
  policy: { id: 'medicare-lcd-facet', version: '2024-08-11' },
  result: 'positive' as const,
  peakReliefPercent: 87.5,
  durationMinutes: 60,
  threshold: 80,
  thresholdInclusive: true,
  agent: 'lidocaine' as const,
  baselineScore: 8,
  censored: false,
  reasons: [],
  warnings: [],
  points: [
    { minutesAfter: 15, score: 2, reliefPercent: 75 },
    { minutesAfter: 30, score: 1, reliefPercent: 87.5 },
    { minutesAfter: 60, score: 1, reliefPercent: 87.5 },
    { minutesAfter: 240, score: 7, reliefPercent: 12.5 },
  ],
  explanation: 'Positive: peak relief 88 % (B = 8) ≥ 80 %, relief lasted 60 min.',
  rule: '7',
  agentWindow: { fromMinutes: 60, toMinutes: 240, prolongedAfterMinutes: 480 },
  onsetWindowMinutes: 120,
  observationWindowMinutes: 1440,
  interpretedAt: '2026-01-13T09:00:00.000Z',
  interpretedBy: '00000000-0000-4000-8000-000000000009',
  interpretedByName: 'Dr. Ana Ruiz',
  diary: {
    status: 'complete' as const,
    openUntil: '2026-01-13T09:00:00.000Z',
    closedAt: null,
    closedByName: null,
    closeReason: null,
  },
  signNote: null,
  override: null,
};

function data(criteria: number): PacketData {
  return {
    generatedAt: '2026-03-02T15:00:00.000Z',
    generatedBy: 'Dr. Ana Ruiz',
    practice: { name: 'North Spine', phone: '+1 555 010 0100' },
    patient: { name: 'Zoë Ångström 中', birthDate: '1950-01-02', mrn: 'MRN-77' },
    coverage: { kind: 'medicare', state: 'CA', payerName: 'Medicare Part B', memberId: '1EG4-TE5-MK72' },
    episode: {
      id: '00000000-0000-4000-8000-000000000002',
      region: 'lumbar',
      complaint: { onset: '2025-06-01', diagnoses: ['M47.816'], axial: true },
    },
    proposed: {
      id: '00000000-0000-4000-8000-000000000003',
      kind: 'rfa',
      intent: 'therapeutic',
      date: '2026-03-09',
      joints: [{ joint: 'L4-L5', side: 'bilateral' }],
      technique: 'thermal',
      temperatureC: 80,
      guidance: 'fluoroscopy',
      sedation: 'local',
    },
    blocks: [
      {
        id: interpretation.procedureId,
        date: '2026-01-12',
        kind: 'mbb',
        joints: [{ joint: 'L4-L5', side: 'bilateral' }],
        volumeMlPerNerve: 0.5,
        guidance: 'fluoroscopy',
        interpretation,
      },
    ],
    evaluation: {
      policy: { id: 'medicare-lcd-facet', title: 'Medicare LCD', version: '2024-08-11' },
      asOf: '2026-03-02',
      proposed: {
        id: '00000000-0000-4000-8000-000000000003',
        kind: 'rfa',
        intent: 'therapeutic',
        date: '2026-03-09',
      },
      verdict: 'not-eligible',
      reasons: ['INSUFFICIENT_POSITIVE_BLOCKS'],
      warnings: [],
      criteria: Array.from({ length: criteria }, (_, k) => ({
        rule: `R${k}`,
        title: `Criterion number ${k}`,
        severity: 'required' as const,
        status: k === 0 ? ('not-met' as const) : ('met' as const),
        ...(k === 0 ? { reason: 'INSUFFICIENT_POSITIVE_BLOCKS' as const } : {}),
        message: `Relief ≥ 80 % → ${'a long finding that has to wrap over several lines of the table '.repeat(3)}`,
        source: `Source ${k}: Medicare LCD L38801 [P]; S10`,
      })),
      blocks: [],
      comparative: null,
      coding: [
        {
          code: '64635',
          modifiers: ['50'],
          units: 1,
          covered: false,
          region: 'lumbar-sacral',
          levels: ['L4-L5'],
          description: 'lumbar/sacral facet RFA, first joint',
        },
      ],
      next: [],
    },
  };
}

describe('renderPacket', () => {
  it('replaces what WinAnsi cannot encode and keeps the rest', async () => {
    const text = squash(pdfText(await renderPacket(data(3))));
    expect(text).toContain('Zoë Ångström ?');
    expect(text).toContain('Relief >= 80 % ->');
    expect(text).toContain('Verdict NOT ELIGIBLE');
    expect(text).toContain('Peak relief 88 % (exact 87.5 %');
    expect(text).toContain('threshold >= 80 %');
    expect(text).toContain('Signed by Dr. Ana Ruiz on 2026-01-13 09:00 UTC');
    expect(text).toContain('64635');
    expect(text).toContain('Member ID 1EG4-TE5-MK72');
  });

  it('runs a long decision onto more pages, each with its footer', async () => {
    const short = pdfText(await renderPacket(data(3)));
    const long = pdfText(await renderPacket(data(60)));
    const pages = (s: string) => s.split('\f').filter((p) => p.trim()).length;
    expect(pages(long)).toBeGreaterThan(pages(short));
    const n = pages(long);
    for (let k = 1; k <= n; k++) expect(long).toContain(`Page ${k} of ${n}`);
    expect(squash(long)).toContain('R59: Criterion number 59');
  });
});

/**
 * A lumbar pathway used by the HTTP suites: a Medicare-eligible complaint, diagnostic MBBs at L4-L5 and
 * L5-S1 bilateral, and diaries whose interpretation is worked out in the spec (§4): the lidocaine diary is
 * the worked example (88 % from 30 to 60 min at 80 % → positive for lidocaine).
 */
export const joints = [
  { joint: 'L4-L5', side: 'bilateral' },
  { joint: 'L5-S1', side: 'bilateral' },
];

export const complaint = {
  onset: '2025-06-01',
  axial: true,
  radicular: 'none',
  neurogenicClaudication: false,
  nonFacetCause: 'none',
  diagnoses: ['M47.816'],
  baseline: { scale: 'NRS', score: 8, date: '2025-12-01' },
  function: { instrument: 'ODI', score: 42, date: '2025-12-01' },
  conservativeCare: [{ kind: 'physical-therapy', start: '2025-07-01', end: '2025-10-01', failed: true }],
};

export const mbb = (date: string, agent: string) => ({
  kind: 'mbb',
  intent: 'diagnostic',
  date,
  joints,
  agent,
  volumeMlPerNerve: 0.5,
  guidance: 'fluoroscopy',
  sedation: 'local',
  preScore: { scale: 'NRS', score: 8 },
  status: 'done',
});

/** Lidocaine: 88 % at 30–60 min, ≥ 75 % from 15 to 120 min (§4 worked example). */
export const lidocaineDiary: [number, number][] = [
  [15, 2],
  [30, 1],
  [60, 1],
  [120, 2],
  [180, 5],
  [240, 7],
];

/** Bupivacaine: ≥ 80 % from 30 to 360 min. */
export const bupivacaineDiary: [number, number][] = [
  [30, 1],
  [60, 0],
  [120, 1],
  [240, 1],
  [360, 2],
  [480, 4],
  [720, 6],
];

#!/usr/bin/env node
/**
 * Realistic, varied case files for the batch benchmark, one JSON object per line (NDJSON).
 *
 *   node bench/generate-cases.js COUNT [--seed N] > cases.ndjson
 *
 * A seeded PRNG makes every run produce the same stream. The mix: Medicare, Medicare Advantage,
 * commercial, Medicaid and self-pay coverage across the states; mostly lumbar, some cervical and thoracic
 * complaints at 1–3 adjacent levels; 0–4 earlier procedures (diagnostic MBBs with 6–12 diary entries,
 * intra-articular injections, RFAs, now and then another block); and a proposed MBB, intra-articular
 * injection or RFA that follows from that history. Every case is valid against the case schema; the
 * verdicts vary (eligible, not eligible, needs information).
 */
import { pathToFileURL } from 'node:url';
import { US_STATES } from '../dist/contract/states.js';

/** mulberry32: small, fast, good enough for test data, and the same on every platform. */
export function prng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo, hi) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = (xs) => xs[Math.floor(next() * xs.length)];
  const chance = (p) => next() < p;
  /** `weights` as [value, weight] pairs. */
  const weighted = (pairs) => {
    const total = pairs.reduce((s, [, w]) => s + w, 0);
    let r = next() * total;
    for (const [v, w] of pairs) {
      r -= w;
      if (r < 0) return v;
    }
    return pairs[pairs.length - 1][0];
  };
  return { next, int, pick, chance, weighted };
}

const CERVICAL = ['C2-C3', 'C3-C4', 'C4-C5', 'C5-C6', 'C6-C7', 'C7-T1'];
const THORACIC = ['T1-T2', 'T2-T3', 'T3-T4', 'T4-T5', 'T5-T6', 'T6-T7', 'T7-T8', 'T8-T9', 'T9-T10'];
const THORACIC_LOW = ['T10-T11', 'T11-T12', 'T12-L1'];
const LUMBAR = ['L1-L2', 'L2-L3', 'L3-L4', 'L4-L5', 'L5-S1'];
const JOINTS_OF = { cervical: CERVICAL, thoracic: [...THORACIC, ...THORACIC_LOW], lumbar: LUMBAR };
const DIAGNOSES = {
  cervical: ['M47.812', 'M47.892', 'M54.2', 'M50.30'],
  thoracic: ['M47.814', 'M47.894', 'M54.6'],
  lumbar: ['M47.816', 'M47.817', 'M47.896', 'M54.50', 'M54.59'],
};
// The states the case contract accepts (src/contract/states.ts), from the build.
const STATES = [...US_STATES];
const BIG_STATES = ['CA', 'TX', 'FL', 'NY', 'PA', 'IL', 'OH', 'GA', 'NC', 'MI'];

const MS_PER_DAY = 86_400_000;
const DAY0 = Date.UTC(2024, 0, 1) / MS_PER_DAY;
const iso = (day) => new Date(day * MS_PER_DAY).toISOString().slice(0, 10);

/** A diary after a block: relief that sets in, holds for a while and wears off (or never comes). */
function diary(r, pre, positive, agent) {
  const n = r.int(6, 12);
  const lowest = positive ? r.int(0, Math.max(0, Math.floor(pre * 0.2))) : r.int(Math.ceil(pre * 0.4), pre);
  const holdMinutes = positive ? (agent === 'lidocaine' ? r.int(45, 180) : r.int(100, 480)) : r.int(0, 90);
  const entries = [];
  let minutes = r.pick([10, 15, 15, 20, 30]);
  for (let i = 0; i < n; i++) {
    let score;
    if (minutes <= holdMinutes) score = lowest + (r.chance(0.3) ? 1 : 0);
    else score = Math.min(pre, lowest + Math.ceil((minutes - holdMinutes) / r.int(30, 90)));
    entries.push({ minutesAfter: minutes, score: Math.min(10, score) });
    minutes += r.pick([15, 15, 30, 30, 30, 60, 60, 120]);
  }
  return entries;
}

function jointsFor(r, region) {
  const joints = JOINTS_OF[region];
  const levels = Math.min(
    joints.length,
    r.weighted([
      [1, 35],
      [2, 50],
      [3, 15],
    ]),
  );
  const first =
    region === 'lumbar'
      ? r.int(Math.max(0, joints.length - 3 - levels + 1), joints.length - levels)
      : r.int(0, joints.length - levels);
  const side = r.weighted([
    ['bilateral', 55],
    ['left', 20],
    ['right', 25],
  ]);
  return joints.slice(first, first + levels).map((joint) => ({ joint, side }));
}

/** One case; `n` makes the ids distinct across the stream. */
export function generateCase(r, n) {
  const kind = r.weighted([
    ['medicare', 40],
    ['medicare-advantage', 10],
    ['commercial', 35],
    ['medicaid', 10],
    ['self-pay', 5],
  ]);
  const state = r.chance(0.5) ? r.pick(BIG_STATES) : r.pick(STATES);
  const region = r.weighted([
    ['lumbar', 70],
    ['cervical', 22],
    ['thoracic', 8],
  ]);
  const joints = jointsFor(r, region);
  const scale = r.chance(0.85) ? 'NRS' : 'VAS';
  const painScore = (lo, hi) => (scale === 'NRS' ? r.int(lo, hi) : r.int(lo * 10, hi * 10) / 10);

  const proposedDay = DAY0 + r.int(60, 900);
  const historyCount = r.weighted([
    [0, 20],
    [1, 25],
    [2, 30],
    [3, 15],
    [4, 10],
  ]);
  // The history spreads over the months before the proposed date, oldest first.
  const gaps = Array.from({ length: historyCount }, () => r.int(14, 60));
  let day = proposedDay - r.int(7, 45) - gaps.reduce((s, g) => s + g, 0);
  const onsetDay = day - r.int(30, 700);
  const baseline = painScore(5, 9);
  const history = [];
  let positives = 0;
  let ablated = false;
  for (let i = 0; i < historyCount; i++) {
    const id = `P${n}-${i + 1}`;
    const procKind =
      ablated || (positives >= 2 && r.chance(0.6))
        ? r.weighted([['rfa', 1]])
        : r.weighted([
            ['mbb', 80],
            ['intra-articular', 12],
            ['other-block', 8],
          ]);
    const date = iso(day);
    const guidance = r.weighted([
      ['fluoroscopy', 90],
      ['ct', 6],
      ['ultrasound', 3],
      ['none', 1],
    ]);
    const sedation = r.weighted([
      ['local', 70],
      ['none', 15],
      ['moderate', 10],
      ['mac', 4],
      ['general', 1],
    ]);
    if (procKind === 'other-block') {
      history.push({
        id,
        kind: 'other-block',
        otherBlock: r.pick(['epidural', 'si-joint', 'trigger-point', 'other']),
        intent: 'therapeutic',
        date,
        joints: jointsFor(r, region),
        guidance,
        sedation,
      });
    } else if (procKind === 'rfa') {
      ablated = true;
      const technique = r.weighted([
        ['thermal', 85],
        ['cooled', 10],
        ['pulsed', 5],
      ]);
      history.push({
        id,
        kind: 'rfa',
        intent: 'therapeutic',
        date,
        joints,
        guidance,
        sedation,
        technique,
        ...(technique === 'pulsed'
          ? {}
          : { temperatureC: technique === 'cooled' ? 60 : r.pick([80, 85, 90]) }),
        followUp: [
          {
            date: iso(day + r.int(90, 240)),
            reliefPercent: r.int(0, 100),
            ...(r.chance(0.5) ? { functionImprovementPercent: r.int(-10, 80) } : {}),
          },
        ].filter((f) => f.date <= iso(proposedDay)),
      });
    } else {
      const agent = r.weighted([
        ['lidocaine', 40],
        ['bupivacaine', 50],
        ['ropivacaine', 10],
      ]);
      const positive = r.chance(0.65);
      if (positive) positives++;
      const pre = scale === 'NRS' ? r.int(5, 9) : baseline;
      history.push({
        id,
        kind: procKind,
        intent: procKind === 'mbb' || r.chance(0.5) ? 'diagnostic' : 'therapeutic',
        date,
        joints: r.chance(0.9) ? joints : jointsFor(r, region),
        agent,
        volumeMlPerNerve: r.pick([0.3, 0.5, 0.5, 0.5, 1]),
        guidance,
        sedation,
        ...(sedation === 'moderate' && r.chance(0.5) ? { sedationJustified: true } : {}),
        ...(r.chance(0.9) ? { preScore: { scale, score: pre } } : {}),
        diary: diary(r, Math.floor(pre), positive, agent),
      });
    }
    day += gaps[i];
  }
  for (const p of history) if (p.followUp && p.followUp.length === 0) delete p.followUp;

  const proposedKind =
    positives >= 2 || ablated
      ? r.weighted([
          ['rfa', 80],
          ['mbb', 10],
          ['intra-articular', 10],
        ])
      : r.weighted([
          ['mbb', 75],
          ['intra-articular', 15],
          ['rfa', 10],
        ]);
  const proposedDate = iso(proposedDay);
  const proposed = {
    id: `P${n}-next`,
    kind: proposedKind,
    intent:
      proposedKind === 'rfa' || (proposedKind !== 'mbb' && r.chance(0.5))
        ? 'therapeutic'
        : r.weighted([
            ['diagnostic', 85],
            ['therapeutic', 15],
          ]),
    date: proposedDate,
    joints: r.chance(0.92) ? joints : jointsFor(r, region),
    ...(proposedKind === 'rfa'
      ? {}
      : {
          agent: r.weighted([
            ['lidocaine', 40],
            ['bupivacaine', 50],
            ['ropivacaine', 10],
          ]),
        }),
    guidance: r.weighted([
      ['fluoroscopy', 92],
      ['ct', 5],
      ['ultrasound', 3],
    ]),
    sedation: r.weighted([
      ['local', 75],
      ['none', 12],
      ['moderate', 10],
      ['mac', 3],
    ]),
    ...(proposedKind === 'rfa'
      ? {
          technique: r.weighted([
            ['thermal', 88],
            ['cooled', 8],
            ['pulsed', 4],
          ]),
          temperatureC: 80,
        }
      : {}),
  };
  if (proposed.technique === 'pulsed') delete proposed.temperatureC;
  if (proposed.technique === 'cooled') proposed.temperatureC = 60;

  const firstDay = Math.min(proposedDay, ...history.map((p) => Date.parse(p.date) / MS_PER_DAY));
  const careCount = r.weighted([
    [0, 10],
    [1, 35],
    [2, 40],
    [3, 15],
  ]);
  const conservativeCare = [];
  for (let i = 0; i < careCount; i++) {
    const start = r.int(onsetDay, Math.max(onsetDay, firstDay - 45));
    conservativeCare.push({
      kind: r.pick(['physical-therapy', 'medication', 'manipulation', 'exercise', 'activity-modification']),
      start: iso(start),
      end: iso(Math.min(firstDay - 1, start + r.int(28, 180))),
      failed: r.chance(0.9),
    });
  }
  for (const cc of conservativeCare) if (cc.end < cc.start) cc.end = cc.start;

  const complaint = {
    region,
    ...(r.chance(0.95) ? { onset: iso(onsetDay) } : {}),
    axial: r.chance(0.9),
    radicular: r.weighted([
      ['none', 80],
      ['treated', 10],
      ['untreated', 5],
      ['facet-cyst', 5],
    ]),
    neurogenicClaudication: region === 'lumbar' && r.chance(0.05),
    nonFacetCause: r.weighted([
      ['none', 95],
      ['fracture', 2],
      ['deformity', 3],
    ]),
    ...(r.chance(0.93) ? { diagnoses: [r.pick(DIAGNOSES[region])] } : {}),
    ...(r.chance(0.92) ? { baseline: { scale, score: baseline, date: iso(firstDay - r.int(1, 40)) } } : {}),
    ...(r.chance(0.8)
      ? {
          function: {
            instrument: region === 'cervical' ? r.pick(['NDI', 'PROMIS-PI']) : r.pick(['ODI', 'PROMIS-PI']),
            score: r.int(20, 70),
            date: iso(firstDay - r.int(1, 40)),
          },
        }
      : {}),
    ...(conservativeCare.length ? { conservativeCare } : {}),
  };

  return {
    asOf: iso(proposedDay - r.int(0, 21)),
    coverage: { kind, state },
    complaint,
    history,
    proposed,
  };
}

/** `count` cases as NDJSON text, in chunks of about 1 MB. */
export function* ndjsonChunks(count, seed = 1) {
  const r = prng(seed);
  let chunk = '';
  for (let n = 1; n <= count; n++) {
    chunk += `${JSON.stringify(generateCase(r, n))}\n`;
    if (chunk.length >= 1 << 20) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { parseArgs } = await import('node:util');
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { seed: { type: 'string', default: '1' } },
  });
  const count = Number(positionals[0] ?? 1000);
  if (!Number.isInteger(count) || count < 0) {
    process.stderr.write('usage: node bench/generate-cases.js COUNT [--seed N] > cases.ndjson\n');
    process.exit(2);
  }
  for (const chunk of ndjsonChunks(count, Number(values.seed))) {
    if (!process.stdout.write(chunk)) await new Promise((resolve) => process.stdout.once('drain', resolve));
  }
}

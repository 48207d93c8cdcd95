import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { caseSchema } from './case.js';

const example = () =>
  JSON.parse(readFileSync(new URL('../../examples/lumbar-rfa-medicare.json', import.meta.url), 'utf8'));
const issues = (json: unknown) => {
  const r = caseSchema.safeParse(json);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('pain scales at the boundary', () => {
  it('accepts the shipped example', () => {
    expect(issues(example())).toEqual([]);
  });
  it('rejects a decimal NRS diary score, naming the entry', () => {
    const c = example();
    c.history[0].diary[2].score = 1.5;
    expect(issues(c)).toEqual(['history.0.diary.2.score: this diary is on the NRS: a whole number 0–10']);
  });
  it('rejects a decimal NRS baseline and pre-block score', () => {
    const c = example();
    c.complaint.baseline.score = 7.5;
    c.history[1].preScore.score = 7.5;
    expect(issues(c)).toEqual([
      'history.1.preScore.score: an NRS score is a whole number 0–10',
      'complaint.baseline.score: an NRS score is a whole number 0–10',
    ]);
  });
  it('accepts one decimal on the VAS (cm) and refuses two', () => {
    const c = example();
    c.complaint.baseline = { ...c.complaint.baseline, scale: 'VAS', score: 7.5 };
    for (const h of c.history) {
      h.preScore = { scale: 'VAS', score: 7.5 };
      h.diary[0].score = 1.5;
    }
    expect(issues(c)).toEqual([]);
    c.history[0].diary[0].score = 1.55;
    expect(issues(c)).toEqual(['history.0.diary.0.score: a pain score has at most one decimal']);
  });
});

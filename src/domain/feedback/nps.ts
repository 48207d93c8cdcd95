/**
 * The Net Promoter Score of "How likely are you to recommend us to a friend or family member?" (0–10):
 * promoters answer 9–10, passives 7–8, detractors 0–6; NPS = % promoters − % detractors of all answers,
 * a whole number from −100 to 100 (halves round away from zero, so +12.5 → 13 and −12.5 → −13), and
 * null when nobody has answered (no score is not a score of 0).
 */

export type NpsBand = 'promoter' | 'passive' | 'detractor';

export interface NpsTally {
  total: number;
  promoters: number;
  passives: number;
  detractors: number;
  /** Answers per score: scores[s] is how many answered s (0–10). */
  scores: number[];
  nps: number | null;
}

export function bandOf(score: number): NpsBand {
  if (!Number.isInteger(score) || score < 0 || score > 10) throw new RangeError(`not a 0–10 score: ${score}`);
  return score >= 9 ? 'promoter' : score >= 7 ? 'passive' : 'detractor';
}

/** The NPS of these counts, or null for no answers. */
export function npsOf(c: { promoters: number; detractors: number; total: number }): number | null {
  if (c.total <= 0) return null;
  const exact = (100 * (c.promoters - c.detractors)) / c.total;
  const rounded = Math.sign(exact) * Math.round(Math.abs(exact));
  return rounded === 0 ? 0 : rounded; // never −0
}

/** Tallies answers given as (score, how many) pairs; a score may appear in several pairs. */
export function tally(counts: Iterable<{ score: number; n: number }>): NpsTally {
  const scores = Array.from({ length: 11 }, () => 0);
  for (const { score, n } of counts) {
    bandOf(score);
    scores[score]! += n;
  }
  const sum = (from: number, to: number) => scores.slice(from, to + 1).reduce((a, b) => a + b, 0);
  const promoters = sum(9, 10);
  const passives = sum(7, 8);
  const detractors = sum(0, 6);
  const total = promoters + passives + detractors;
  return { total, promoters, passives, detractors, scores, nps: npsOf({ promoters, detractors, total }) };
}

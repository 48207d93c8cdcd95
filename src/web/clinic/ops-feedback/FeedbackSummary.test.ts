import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { FeedbackSummaryDto } from '../../../contract/feedback';
import { Summary } from './FeedbackSummary';

const data: FeedbackSummaryDto = {
  total: 10,
  promoters: 5,
  passives: 2,
  detractors: 3,
  nps: 20,
  scores: [1, 0, 0, 1, 0, 0, 1, 1, 1, 3, 2],
  byLocation: [
    {
      locationId: '3f1e2d4c-5b6a-4789-8abc-def012345678',
      name: 'Downtown',
      total: 5,
      promoters: 3,
      passives: 1,
      detractors: 1,
      nps: 40,
    },
    { locationId: null, name: null, total: 5, promoters: 2, passives: 1, detractors: 2, nps: 0 },
  ],
  comments: {
    items: [
      {
        id: '9a1e2d4c-5b6a-4789-8abc-def012345678',
        score: 6,
        comment: 'Long wait <before> the procedure.',
        language: 'es',
        locationId: null,
        locationName: null,
        fromDiary: true,
        createdAt: '2026-03-02T15:06:00.000Z',
      },
    ],
    total: 12,
    limit: 10,
    offset: 0,
  },
};

const render = (d: FeedbackSummaryDto) =>
  renderToStaticMarkup(createElement(Summary, { data: d, Sub: 'h3', onPage: () => {} }))
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');

describe("the admins' feedback summary", () => {
  it('shows the NPS with the numbers behind it, per clinic, and the comments (escaped)', () => {
    const text = render(data);
    expect(text).toContain('+20 Net Promoter Score');
    expect(text).toContain(
      '10 answers: 5 promoters (9–10, 50 %), 2 passives (7–8, 20 %), 3 detractors (0–6, 30 %)',
    );
    expect(text).toContain('Downtown 5 3 1 1 +40');
    expect(text).toContain('Clinic not given 5 2 1 2 0');
    expect(text).toContain('Long wait &lt;before&gt; the procedure.');
    expect(text).toContain('in Spanish · sent from a diary link');
    expect(text).toContain('Comments 1–1 of 12');
  });

  it('says so when nobody has answered yet', () => {
    expect(render({ ...data, total: 0, nps: null })).toContain('No answers yet.');
  });
});

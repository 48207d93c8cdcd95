/** The browser's preview module stays in step with the contract and the server. */
import { describe, expect, it } from 'vitest';
import { takesDiary as domainTakesDiary } from '../domain/diary/takes-diary.js';
import { procedureSchema } from './case.js';
import { diaryLinkInput, MAX_LINK_HOURS } from './diary-links.js';
import { DIARY_LINK_HOURS, takesDiary, VOLUME_ML_PER_NERVE } from './preview.js';

describe('contract/preview', () => {
  it('states the volume bounds the contract enforces', () => {
    const v = procedureSchema.shape.volumeMlPerNerve;
    expect(v.safeParse(VOLUME_ML_PER_NERVE.max).success).toBe(true);
    expect(v.safeParse(VOLUME_ML_PER_NERVE.max + 0.01).success).toBe(false);
    expect(v.safeParse(VOLUME_ML_PER_NERVE.exclusiveMin).success).toBe(false);
    expect(v.safeParse(0.01).success).toBe(true);
  });

  it('states the diary link lifetime the contract enforces', () => {
    expect(DIARY_LINK_HOURS.max).toBe(MAX_LINK_HOURS);
    expect(diaryLinkInput.parse({})?.expiresInHours).toBe(DIARY_LINK_HOURS.default);
    expect(diaryLinkInput.safeParse({ expiresInHours: DIARY_LINK_HOURS.min - 1 }).success).toBe(false);
  });

  it('decides which procedures take a diary with the very rule the server uses', () => {
    // One function, re-exported: the diary-link and diary-entry use cases import it from the domain.
    expect(takesDiary).toBe(domainTakesDiary);
  });
});

import { describe, expect, it } from 'vitest';
import { FEEDBACK_COMMENT_MAX, feedbackInput } from '../../../contract/feedback';
import { COMMENT_MAX, EMPTY_FORM, errorsFromIssues, toRequest, validate } from './form';

describe('the feedback form', () => {
  it("keeps the server's comment limit", () => expect(COMMENT_MAX).toBe(FEEDBACK_COMMENT_MAX));

  it('needs a score; a comment over the limit (trimmed) is refused before sending', () => {
    expect(validate(EMPTY_FORM)).toEqual({ score: { code: 'errScore' } });
    expect(validate({ ...EMPTY_FORM, score: 0 })).toEqual({});
    expect(validate({ ...EMPTY_FORM, score: 10, comment: ` ${'a'.repeat(1000)} ` })).toEqual({});
    expect(validate({ ...EMPTY_FORM, score: 10, comment: 'a'.repeat(1001) })).toEqual({
      comment: { code: 'errCommentTooLong', n: 1001 },
    });
  });

  it("sends what the server's contract accepts, the diary token only while linked", () => {
    const form = { score: 7, comment: '  Kind people ', locationId: '', linked: true };
    expect(toRequest(form, 'es', null)).toEqual({ score: 7, comment: 'Kind people', language: 'es' });
    expect(toRequest(form, 'en', 'tok')).toMatchObject({ diaryToken: 'tok' });
    expect(toRequest({ ...form, linked: false }, 'en', 'tok')).not.toHaveProperty('diaryToken');
    const full = toRequest({ ...form, locationId: '3f1e2d4c-5b6a-4789-8abc-def012345678' }, 'en', 'tok');
    expect(feedbackInput.safeParse(full).success).toBe(true);
    expect(feedbackInput.safeParse(toRequest({ ...form, comment: '   ' }, 'en', null)).success).toBe(true);
  });

  it("puts the server's issues beside their fields", () => {
    const { fields, other } = errorsFromIssues(
      [
        { path: 'body.score', message: 'expected a whole number from 0 to 10' },
        { path: 'body.comment', message: 'at most 1000 characters' },
        { path: 'body.locationId', message: 'not a location of this practice' },
        {
          path: 'body.diaryToken',
          message: 'this diary link has expired or been withdrawn; send your answer without it',
        },
        { path: 'body', message: 'unknown key' },
      ],
      { ...EMPTY_FORM, comment: 'x'.repeat(1200) },
    );
    expect(fields).toEqual({
      score: { code: 'errScore' },
      comment: { code: 'errCommentTooLong', n: 1200 },
      locationId: { code: 'errLocation' },
      diaryToken: { code: 'errTokenClosed' },
    });
    expect(other).toEqual(['unknown key']);
    expect(
      errorsFromIssues([{ path: 'body.diaryToken', message: 'this diary link is not valid' }], EMPTY_FORM)
        .fields,
    ).toEqual({ diaryToken: { code: 'errTokenUnknown' } });
  });
});

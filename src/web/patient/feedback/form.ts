/**
 * The feedback form's state, its checks in the browser (the same rules as the server's feedbackInput in
 * src/contract/feedback.ts, which stays the authority), the request body, and the server's issues mapped
 * back to the fields.
 */
import type { FeedbackInput } from '../../../contract/feedback';
import type { ApiIssue } from '../../shared/api';

/** The server's limit (FEEDBACK_COMMENT_MAX); repeated here so zod stays out of the patient bundle. */
export const COMMENT_MAX = 1000;

export interface FeedbackForm {
  score: number | null;
  comment: string;
  locationId: string;
  /** Send the diary token (only offered when the page was opened from a diary link). */
  linked: boolean;
}

export const EMPTY_FORM: FeedbackForm = { score: null, comment: '', locationId: '', linked: true };

export type FieldKey = 'score' | 'comment' | 'locationId' | 'diaryToken';

export type FieldError =
  | { code: 'errScore' }
  | { code: 'errCommentTooLong'; n: number }
  | { code: 'errLocation' }
  | { code: 'errTokenUnknown' }
  | { code: 'errTokenClosed' }
  | { code: 'errServerField'; message: string };

export type FieldErrors = Partial<Record<FieldKey, FieldError>>;

/** The comment as the server counts it (trimmed, UTF-16 code units). */
export const commentLength = (comment: string) => comment.trim().length;

export function validate(form: FeedbackForm): FieldErrors {
  const errors: FieldErrors = {};
  if (form.score === null || !Number.isInteger(form.score) || form.score < 0 || form.score > 10)
    errors.score = { code: 'errScore' };
  const n = commentLength(form.comment);
  if (n > COMMENT_MAX) errors.comment = { code: 'errCommentTooLong', n };
  return errors;
}

export function toRequest(
  form: FeedbackForm,
  language: 'en' | 'es',
  diaryToken: string | null,
): Omit<FeedbackInput, 'language'> & { language: 'en' | 'es' } {
  const comment = form.comment.trim();
  return {
    score: form.score ?? -1,
    ...(comment ? { comment } : {}),
    ...(form.locationId ? { locationId: form.locationId } : {}),
    language,
    ...(diaryToken && form.linked ? { diaryToken } : {}),
  };
}

/** The server's issues (paths like "body.score") as field errors; issues of no field are returned apart. */
export function errorsFromIssues(
  issues: readonly ApiIssue[],
  form: FeedbackForm,
): { fields: FieldErrors; other: string[] } {
  const fields: FieldErrors = {};
  const other: string[] = [];
  for (const issue of issues) {
    const key = issue.path.replace(/^body\./, '').split(/[.[]/)[0];
    if (key === 'score') fields.score = { code: 'errScore' };
    else if (key === 'comment')
      fields.comment = /at most/.test(issue.message)
        ? { code: 'errCommentTooLong', n: commentLength(form.comment) }
        : { code: 'errServerField', message: issue.message };
    else if (key === 'locationId') fields.locationId = { code: 'errLocation' };
    else if (key === 'diaryToken')
      fields.diaryToken = /expired|withdrawn/.test(issue.message)
        ? { code: 'errTokenClosed' }
        : { code: 'errTokenUnknown' };
    else other.push(issue.message);
  }
  return { fields, other };
}

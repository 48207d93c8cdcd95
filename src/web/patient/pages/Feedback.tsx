/**
 * "Would you recommend us?": one 0–10 question after the visit, an optional comment and clinic, sent to
 * POST /api/v1/public/practices/:slug/feedback; then a thank-you, announced. English and Spanish, phone
 * first, keyboard usable. Errors (the browser's and the server's) stand beside their field and in a
 * summary that links to it; nothing entered is lost on an error. Opened from a diary link
 * (?from=<token>), the answer is linked to the visit unless the patient unticks it; the server refuses a
 * token that is not valid for this practice, and the patient can then send the answer without it.
 */
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { ApiError, post } from '../../shared/api';
import { fill, useLang, useT } from '../../shared/i18n';
import { queryParam, usePageTitle } from '../../shared/router';
import {
  COMMENT_MAX,
  commentLength,
  EMPTY_FORM,
  errorsFromIssues,
  type FeedbackForm,
  type FieldError,
  type FieldErrors,
  type FieldKey,
  toRequest,
  validate,
} from '../feedback/form';
import { ScoreScale, scoreInputId } from '../feedback/ScoreScale';
import '../feedback/feedback.css';
import { type FeedbackText, feedbackText } from '../feedback/text';
import { usePublicPractice } from '../feedback/usePublicPractice';

type SendError = 'offline' | 'tooMany' | 'notFound' | 'server' | { other: string[] };

const ORDER: FieldKey[] = ['score', 'comment', 'locationId', 'diaryToken'];

function message(t: FeedbackText, e: FieldError | undefined): string | undefined {
  if (!e) return undefined;
  switch (e.code) {
    case 'errCommentTooLong':
      return fill(t.errCommentTooLong, { max: COMMENT_MAX, n: e.n });
    case 'errServerField':
      return fill(t.errServerField, { message: e.message });
    default:
      return t[e.code];
  }
}

export default function Feedback(props: { slug: string }) {
  const t = useT(feedbackText);
  const lang = useLang();
  usePageTitle(t.title, t.site);
  const practice = usePublicPractice(props.slug);
  const [diaryToken] = useState(() => queryParam('from'));

  const [form, setForm] = useState<FeedbackForm>(EMPTY_FORM);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [sendError, setSendError] = useState<SendError | null>(null);
  const [sending, setSending] = useState(false);
  const [sentScore, setSentScore] = useState<number | null>(null);
  const [focusTick, setFocusTick] = useState(0);
  const summaryRef = useRef<HTMLDivElement>(null);
  const thanksRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (focusTick > 0) summaryRef.current?.focus();
  }, [focusTick]);
  useEffect(() => {
    if (sentScore !== null) thanksRef.current?.focus();
  }, [sentScore]);

  const set = <K extends keyof FeedbackForm>(key: K, value: FeedbackForm[K], field: FieldKey) => {
    setForm((f) => ({ ...f, [key]: value }));
    setErrors((e) => {
      if (!e[field]) return e;
      const next = { ...e };
      delete next[field];
      return next;
    });
  };

  async function submit(ev: FormEvent) {
    ev.preventDefault();
    if (sending) return;
    const found = validate(form);
    setErrors(found);
    setSendError(null);
    if (Object.keys(found).length > 0) {
      setFocusTick((n) => n + 1);
      return;
    }
    setSending(true);
    try {
      await post<{ id: string }>(
        `/api/v1/public/practices/${encodeURIComponent(props.slug)}/feedback`,
        toRequest(form, lang, diaryToken),
      );
      setSentScore(form.score);
    } catch (e) {
      if (e instanceof ApiError && e.status === 400 && e.issues.length) {
        const { fields, other } = errorsFromIssues(e.issues, form);
        setErrors(fields);
        if (other.length) setSendError({ other });
      } else if (e instanceof ApiError && e.offline) setSendError('offline');
      else if (e instanceof ApiError && e.status === 429) setSendError('tooMany');
      else if (e instanceof ApiError && e.status === 404) setSendError('notFound');
      else setSendError('server');
      setFocusTick((n) => n + 1);
    } finally {
      setSending(false);
    }
  }

  const locations = practice.kind === 'ok' ? practice.practice.locations : [];
  const summaryItems = ORDER.filter((k) => errors[k] && (k !== 'diaryToken' || diaryToken)).map((k) => ({
    key: k,
    href:
      k === 'score'
        ? `#${scoreInputId(form.score ?? 0)}`
        : k === 'comment'
          ? '#fb-comment'
          : k === 'locationId'
            ? '#fb-location'
            : '#fb-linked',
    text: message(t, errors[k])!,
  }));
  const generalError =
    sendError === null
      ? undefined
      : sendError === 'offline'
        ? t.errOffline
        : sendError === 'tooMany'
          ? t.errTooMany
          : sendError === 'notFound'
            ? t.errNoPractice
            : sendError === 'server'
              ? t.errServer
              : fill(t.errServerField, { message: sendError.other.join('; ') });
  const n = commentLength(form.comment);

  return (
    <article>
      <h1>{t.title}</h1>
      <div role="status" className="fb-live">
        {sentScore !== null && (
          <div className="status status-ok">
            <h2 ref={thanksRef} tabIndex={-1} className="fb-thanks">
              {t.thanksTitle}
            </h2>
            <p>{t.thanksBody}</p>
            <p>{fill(t.thanksScore, { score: sentScore })}</p>
          </div>
        )}
      </div>
      {sentScore !== null ? (
        <p>
          <a href={`/p/${props.slug}`}>{t.back}</a>
        </p>
      ) : practice.kind === 'not-found' ? (
        <div className="status status-error" role="alert">
          <p>{t.errNoPractice}</p>
        </div>
      ) : (
        <>
          <p className="lead">{t.intro}</p>
          {(summaryItems.length > 0 || generalError) && (
            <div className="status status-error fb-summary" role="alert" tabIndex={-1} ref={summaryRef}>
              {summaryItems.length > 0 && (
                <>
                  <p>
                    <strong>{t.summaryTitle}</strong>
                  </p>
                  <ul>
                    {summaryItems.map((i) => (
                      <li key={i.key}>
                        <a
                          href={i.href}
                          onClick={(e) => {
                            const target = document.getElementById(i.href.slice(1));
                            if (!target) return;
                            e.preventDefault();
                            target.focus();
                            target.scrollIntoView({ block: 'center' });
                          }}
                        >
                          {i.text}
                        </a>
                      </li>
                    ))}
                  </ul>
                </>
              )}
              {generalError && <p>{generalError}</p>}
            </div>
          )}
          <form noValidate onSubmit={submit}>
            <ScoreScale
              t={t}
              value={form.score}
              onChange={(s) => set('score', s, 'score')}
              error={message(t, errors.score)}
            />
            <div className={errors.comment ? 'field field-error' : 'field'}>
              <label htmlFor="fb-comment">{t.comment}</label>
              <p className="hint" id="fb-comment-hint">
                {fill(t.commentHint, { max: COMMENT_MAX })}
              </p>
              {errors.comment && (
                <p className="error-text" id="fb-comment-error">
                  {message(t, errors.comment)}
                </p>
              )}
              <textarea
                id="fb-comment"
                name="comment"
                rows={4}
                value={form.comment}
                aria-describedby={`fb-comment-hint${errors.comment ? ' fb-comment-error' : ''} fb-count`}
                aria-invalid={errors.comment ? true : undefined}
                onChange={(e) => set('comment', e.target.value, 'comment')}
              />
              <p id="fb-count" className={n > COMMENT_MAX ? 'fb-count fb-count-over' : 'fb-count'}>
                {fill(t.count, { n, max: COMMENT_MAX })}
              </p>
            </div>
            {practice.kind === 'error' && <p className="status status-info">{t.errPracticeLoad}</p>}
            {locations.length > 0 && (
              <div className={errors.locationId ? 'field field-error' : 'field'}>
                <label htmlFor="fb-location">{t.location}</label>
                {errors.locationId && (
                  <p className="error-text" id="fb-location-error">
                    {message(t, errors.locationId)}
                  </p>
                )}
                <select
                  id="fb-location"
                  name="location"
                  value={form.locationId}
                  aria-describedby={errors.locationId ? 'fb-location-error' : undefined}
                  aria-invalid={errors.locationId ? true : undefined}
                  onChange={(e) => set('locationId', e.target.value, 'locationId')}
                >
                  <option value="">{t.noLocation}</option>
                  {locations.map((l) => (
                    <option key={l.id} value={l.id}>
                      {l.name}
                    </option>
                  ))}
                </select>
              </div>
            )}
            {diaryToken && (
              <div className={errors.diaryToken ? 'field field-error' : 'field'}>
                <label className="fb-check">
                  <input
                    type="checkbox"
                    id="fb-linked"
                    checked={form.linked}
                    aria-describedby={errors.diaryToken ? 'fb-linked-hint fb-linked-error' : 'fb-linked-hint'}
                    aria-invalid={errors.diaryToken ? true : undefined}
                    onChange={(e) => set('linked', e.target.checked, 'diaryToken')}
                  />
                  <span>{t.linked}</span>
                </label>
                <p className="hint" id="fb-linked-hint">
                  {t.linkedHint}
                </p>
                {errors.diaryToken && (
                  <p className="error-text" id="fb-linked-error">
                    {message(t, errors.diaryToken)}
                  </p>
                )}
              </div>
            )}
            <button type="submit" disabled={sending} aria-disabled={sending || undefined}>
              {sending ? t.sending : t.send}
            </button>
          </form>
        </>
      )}
    </article>
  );
}

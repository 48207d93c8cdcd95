/**
 * The patient's pain diary, opened from the clinic's link (/diary/:token, no account): the next time point,
 * one large 0–10 scale, the activity to try, "I took pain medication", Save. Entries go to this phone first
 * (diary/queue.ts) and are sent from there, so a lost connection loses nothing. Below: the patient's own
 * relief over time and every entry, sent or waiting.
 */
import { type FormEvent, useCallback, useEffect, useId, useRef, useState } from 'react';
import type { PatientDiaryDto } from '../../../contract/diary-links';
import { ApiError, get } from '../../shared/api';
import { fill, formatDateTime, type Lang, useLang, useT } from '../../shared/i18n';
import { usePageTitle } from '../../shared/router';
import { Chart, type Point, reliefOf, shortTime } from '../diary/Chart';
import { enqueue, type FlushResult, flush, loadQueue, type QueuedEntry, removeQueued } from '../diary/queue';
import { type DiaryText, diaryText } from '../diary/strings';
import '../diary/diary.css';

const SCALE = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;

type Msg = { kind: 'ok' | 'info' | 'error'; text: string };

function longTime(minutes: number, t: DiaryText): string {
  if (minutes < 60) return fill(t.min, { n: minutes });
  const h = Math.round((minutes / 60) * 10) / 10;
  return h === 1 ? t.hour : fill(t.hours, { n: h });
}

/**
 * The clock time of a point of the diary in the clinic's time zone ("2:30 PM", "14:30"), with the weekday when
 * it falls on another day than the block; null when the clinic did not record the block's start time.
 */
function clockAt(diary: PatientDiaryDto, minutes: number, lang: Lang): string | null {
  if (!diary.startedAt || !diary.timeZone) return null;
  const start = new Date(diary.startedAt);
  const at = new Date(start.getTime() + minutes * 60_000);
  const locale = lang === 'es' ? 'es-US' : 'en-US';
  const day = (d: Date) =>
    new Intl.DateTimeFormat('en-CA', { timeZone: diary.timeZone!, dateStyle: 'short' }).format(d);
  return new Intl.DateTimeFormat(locale, {
    timeZone: diary.timeZone,
    hour: 'numeric',
    minute: '2-digit',
    ...(day(at) !== day(start) ? { weekday: 'long' as const } : {}),
  }).format(at);
}

function painWord(n: number, t: DiaryText): string {
  if (n === 0) return t.p0;
  if (n === 10) return t.p10;
  return n <= 3 ? t.pMild : n <= 6 ? t.pModerate : t.pSevere;
}

function blockDate(date: string, lang: Lang): string {
  return new Intl.DateTimeFormat(lang === 'es' ? 'es-US' : 'en-US', {
    dateStyle: 'long',
    timeZone: 'UTC',
  }).format(new Date(`${date}T00:00:00Z`));
}

export default function Diary(props: { token: string }) {
  const { token } = props;
  const t = useT(diaryText);
  const lang = useLang();
  const [diary, setDiary] = useState<PatientDiaryDto | null>(null);
  /** Why the diary did not open: 0 no connection, 404 unknown link, 410 expired or withdrawn, else the status. */
  const [failed, setFailed] = useState<number | null>(null);
  const [queue, setQueue] = useState<QueuedEntry[]>(() => loadQueue(token));
  const [msg, setMsg] = useState<Msg | null>(null);
  const [busy, setBusy] = useState(false);
  const [minutes, setMinutes] = useState<number | null>(null);
  const [score, setScore] = useState<number | null>(null);
  const [activity, setActivity] = useState('');
  const [rescue, setRescue] = useState(false);
  const [scoreError, setScoreError] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const id = useId();

  const title = failed === 404 ? t.badLink : failed === 410 ? t.goneLink : t.title;
  usePageTitle(title, t.site);

  /** Sends what is queued; merges what was sent into the diary; says what happened when asked to. */
  const send = useCallback(
    async (announce: boolean): Promise<FlushResult> => {
      setBusy(true);
      const r = await flush(token);
      setBusy(false);
      const left = loadQueue(token);
      setQueue(left);
      if (r.sent.length) {
        setDiary((d) => {
          if (!d) return d;
          const ids = new Set(r.sent.map((e) => e.id));
          return { ...d, entries: [...d.entries.filter((e) => !ids.has(e.id)), ...r.sent] };
        });
      }
      if (r.rejected)
        // The clinic may have recorded that time meanwhile: show the diary as the server has it.
        get<PatientDiaryDto>(`/api/v1/diary/${encodeURIComponent(token)}`).then(setDiary, () => {});
      if (r.deadLink) setFailed(r.deadLink);
      else if (r.rejected) setMsg({ kind: 'error', text: diaryText[lang].rejected });
      else if (r.offline) setMsg({ kind: 'info', text: diaryText[lang].queuedMsg });
      else if (r.trouble) setMsg({ kind: 'error', text: diaryText[lang].serverTrouble });
      else if (announce || r.sent.length) setMsg({ kind: 'ok', text: diaryText[lang].allSent });
      return r;
    },
    [token, lang],
  );

  const open = useCallback(async () => {
    try {
      const d = await get<PatientDiaryDto>(`/api/v1/diary/${encodeURIComponent(token)}`);
      setDiary(d);
      setFailed(null);
      if (loadQueue(token).some((q) => !q.error)) await send(false);
    } catch (e) {
      // A malformed token (400) is an unknown link to the patient.
      setFailed(e instanceof ApiError ? (e.status === 400 ? 404 : e.status) : 0);
    }
  }, [token, send]);

  const loaded = diary !== null;
  useEffect(() => {
    if (!loaded) void open();
    const online = () => (loaded ? void send(false) : void open());
    // Back to the page (after another app): a good moment to retry what is still waiting.
    const visible = () => {
      if (loaded && document.visibilityState === 'visible' && loadQueue(token).some((q) => !q.error))
        void send(false);
    };
    window.addEventListener('online', online);
    document.addEventListener('visibilitychange', visible);
    return () => {
      window.removeEventListener('online', online);
      document.removeEventListener('visibilitychange', visible);
    };
  }, [loaded, open, send, token]);

  if (failed === 404 || failed === 410 || !diary) {
    const unsent = queue;
    return (
      <>
        <h1>{title}</h1>
        {failed === 404 || failed === 410 ? (
          <div className="status status-error" role="alert">
            <p>{failed === 404 ? t.badLinkBody : t.goneLinkBody}</p>
          </div>
        ) : failed !== null ? (
          <div className="status status-info" role="status">
            <p>{failed === 0 ? t.offlineLoad : t.serverDown}</p>
            <button type="button" className="secondary" onClick={() => void open()}>
              {t.tryAgain}
            </button>
          </div>
        ) : (
          <p role="status">{t.loading}</p>
        )}
        {(failed === 404 || failed === 410) && unsent.length > 0 && (
          <>
            <p>{t.unsentOnDead}</p>
            <ul>
              {unsent.map((q) => (
                <li key={q.idempotencyKey}>
                  {fill(t.after, { time: longTime(q.minutesAfter, t) })}: {q.score} / 10
                </li>
              ))}
            </ul>
          </>
        )}
        <p className="muted">{t.callClinic}</p>
      </>
    );
  }

  /** The relief baseline: the pre-block score, when there is one above 0. */
  const pre = diary.preScore?.score || null;
  const waiting = queue.filter((q) => !q.error);
  const all = [
    ...diary.entries.map((e) => ({ ...e, key: e.id, state: 'sent' as const, error: undefined })),
    ...queue.map((q) => ({
      ...q,
      key: q.idempotencyKey,
      state: q.error ? ('error' as const) : ('waiting' as const),
    })),
  ].sort((a, b) => a.minutesAfter - b.minutesAfter);
  const counted = all.filter((e) => e.state !== 'error');
  const slots = diary.schedule.filter((s) => s.minutesAfter !== null) as {
    label: string;
    minutesAfter: number;
    filled: boolean;
  }[];
  const taken = new Set(counted.map((e) => e.minutesAfter));
  const isFilled = (s: { minutesAfter: number; filled: boolean }) => s.filled || taken.has(s.minutesAfter);
  const latest = counted.length ? Math.max(...counted.map((e) => e.minutesAfter)) : -1;
  const nextDue = slots.find((s) => s.minutesAfter > latest && !isFilled(s))?.minutesAfter ?? null;
  const chosen =
    minutes ?? nextDue ?? slots.find((s) => !isFilled(s))?.minutesAfter ?? slots[0]?.minutesAfter ?? 15;
  const lastTwo = counted.slice(-2);
  const mayStop = pre !== null && lastTwo.length === 2 && lastTwo.every((e) => e.score >= pre);
  const points: Point[] = counted.map((e) => ({
    id: e.key,
    minutes: e.minutesAfter,
    score: e.score,
    relief: reliefOf(pre, e.score),
    queued: e.state !== 'sent',
  }));
  const neck = diary.procedure.region === 'cervical';
  const joints = diary.procedure.joints
    .map((j) => `${j.joint} ${t[j.side as 'left' | 'right' | 'bilateral'] ?? j.side}`)
    .join(', ');

  async function save(e: FormEvent) {
    e.preventDefault();
    if (score === null) {
      setScoreError(true);
      formRef.current?.querySelector<HTMLInputElement>('input[name="score"]')?.focus();
      return;
    }
    const entry = enqueue(token, {
      minutesAfter: chosen,
      score,
      ...(activity.trim() ? { activity: activity.trim() } : {}),
      ...(rescue ? { rescueMedication: true } : {}),
    });
    setQueue(loadQueue(token));
    setMinutes(null);
    setScore(null);
    setActivity('');
    setRescue(false);
    setScoreError(false);
    const r = await send(false);
    const ok = !r.offline && !r.trouble && !r.rejected && !r.deadLink;
    if (ok && !loadQueue(token).some((q) => q.idempotencyKey === entry.idempotencyKey))
      setMsg({ kind: 'ok', text: fill(t.sent, { time: longTime(entry.minutesAfter, t) }) });
  }

  function change(q: QueuedEntry) {
    removeQueued(token, q.idempotencyKey);
    setQueue(loadQueue(token));
    setMinutes(q.minutesAfter);
    setScore(q.score);
    setActivity(q.activity ?? '');
    setRescue(Boolean(q.rescueMedication));
    setMsg(null);
    requestAnimationFrame(() =>
      formRef.current?.querySelector<HTMLInputElement>('input[name="score"]:checked')?.focus(),
    );
  }

  function drop(q: QueuedEntry) {
    removeQueued(token, q.idempotencyKey);
    setQueue(loadQueue(token));
    setMsg(null);
  }

  return (
    <div className="diary">
      <h1>{title}</h1>
      <p>
        {fill(t.hello, { name: diary.patient.givenName })}{' '}
        {fill(t.about, {
          kind: diary.procedure.kind === 'mbb' ? t.mbb : t.ia,
          region: t[diary.procedure.region as 'lumbar' | 'cervical' | 'thoracic'] ?? diary.procedure.region,
          date: blockDate(diary.procedure.date, lang),
          joints,
        })}{' '}
        {diary.preScore ? fill(t.pre, { score: diary.preScore.score }) : t.noPre}
      </p>
      <p className="muted">{fill(t.expires, { when: formatDateTime(diary.expiresAt, lang) })}</p>

      <form ref={formRef} className="card diary-form" onSubmit={save} noValidate>
        <h2>
          {nextDue === null
            ? t.newEntry
            : clockAt(diary, nextDue, lang)
              ? fill(t.nextAt, { clock: clockAt(diary, nextDue, lang)!, time: longTime(nextDue, t) })
              : fill(t.nextTitle, { when: fill(t.after, { time: longTime(nextDue, t) }) })}
        </h2>
        {nextDue === null && <p>{t.allDone}</p>}
        {(nextDue === null || mayStop) && (
          <p>
            <a href={`/p/${diary.practice.slug}/feedback?from=${props.token}`}>{t.recommend}</a>
          </p>
        )}
        {mayStop && <p>{t.mayStop}</p>}
        <div className="field">
          <label htmlFor={`${id}-t`}>{t.timePoint}</label>
          <p className="hint" id={`${id}-th`}>
            {clockAt(diary, 0, lang)
              ? fill(t.startedAt, { clock: clockAt(diary, 0, lang)! })
              : t.blockTimeNote}
          </p>
          <select
            id={`${id}-t`}
            aria-describedby={`${id}-th`}
            value={chosen}
            onChange={(ev) => setMinutes(Number(ev.target.value))}
          >
            {slots.map((s) => (
              <option key={s.minutesAfter} value={s.minutesAfter}>
                {clockAt(diary, s.minutesAfter, lang)
                  ? fill(t.slotAt, {
                      clock: clockAt(diary, s.minutesAfter, lang)!,
                      time: longTime(s.minutesAfter, t),
                    })
                  : longTime(s.minutesAfter, t)}
                {isFilled(s) ? ` (${t.done})` : ''}
              </option>
            ))}
          </select>
        </div>
        <div
          className={scoreError ? 'nrs field-error' : 'nrs'}
          role="radiogroup"
          aria-labelledby={`${id}-l`}
          aria-describedby={scoreError ? `${id}-h ${id}-e` : `${id}-h`}
          aria-required="true"
          aria-invalid={scoreError || undefined}
        >
          <p className="nrs-legend" id={`${id}-l`}>
            {t.scale}
          </p>
          {scoreError && (
            <p className="error-text" id={`${id}-e`}>
              {t.chooseScore}
            </p>
          )}
          <div className="nrs-options">
            {SCALE.map((n) => (
              <label key={n} className="nrs-option">
                <input
                  type="radio"
                  name="score"
                  value={n}
                  checked={score === n}
                  onChange={() => {
                    setScore(n);
                    setScoreError(false);
                  }}
                />
                <span className="n">{n}</span>
                <span className="visually-hidden"> — {painWord(n, t)}</span>
              </label>
            ))}
          </div>
          <p className="nrs-ends muted" id={`${id}-h`}>
            <span>
              0 = {t.p0}
              <span className="visually-hidden">; </span>
            </span>
            <span>10 = {t.p10}</span>
          </p>
        </div>
        <div className="field">
          <label htmlFor={`${id}-a`}>{t.activity}</label>
          <p className="hint" id={`${id}-ah`}>
            {fill(t.activityHint, { examples: neck ? t.examplesNeck : t.examplesBack })}
          </p>
          <input
            id={`${id}-a`}
            aria-describedby={`${id}-ah`}
            value={activity}
            maxLength={200}
            autoComplete="off"
            onChange={(ev) => setActivity(ev.target.value)}
          />
        </div>
        <label className="choice">
          <input type="checkbox" checked={rescue} onChange={(ev) => setRescue(ev.target.checked)} />
          <span>{t.rescue}</span>
        </label>
        <button type="submit" className="diary-save">
          {t.save}
        </button>
        <div role="status" className="diary-status">
          {msg && (
            <div className={`status status-${msg.kind}`}>
              <p>{msg.text}</p>
            </div>
          )}
        </div>
      </form>

      {waiting.length > 0 && (
        <div className="card diary-waiting">
          <p>{waiting.length === 1 ? t.waitingOne : fill(t.waiting, { n: waiting.length })}</p>
          <button type="button" className="secondary" disabled={busy} onClick={() => void send(true)}>
            {busy ? t.sending : t.sendNow}
          </button>
        </div>
      )}

      <h2>{t.chartTitle}</h2>
      <Chart points={points} t={t} />

      <h2>{t.entries}</h2>
      {all.length > 0 && (
        <div className="table-wrap">
          <table className="diary-entries">
            <thead>
              <tr>
                <th scope="col">{t.colTime}</th>
                <th scope="col">{t.colPain}</th>
                {pre !== null && <th scope="col">{t.colRelief}</th>}
                <th scope="col">{t.colNotes}</th>
              </tr>
            </thead>
            <tbody>
              {all.map((e) => {
                const rel = reliefOf(pre, e.score);
                return [
                  <tr key={e.key}>
                    <th scope="row">{shortTime(e.minutesAfter, t)}</th>
                    <td>{e.score}</td>
                    {pre !== null && <td>{rel === null ? '' : `${rel}%`}</td>}
                    <td>
                      <span
                        className={
                          e.state === 'sent'
                            ? 'badge badge-ok'
                            : e.state === 'error'
                              ? 'badge badge-err'
                              : 'badge badge-warn'
                        }
                      >
                        {e.state === 'sent'
                          ? t.sentBadge
                          : e.state === 'error'
                            ? t.errorBadge
                            : t.waitingBadge}
                      </span>
                      {e.activity ? <span className="note">{e.activity}</span> : null}
                      {'inRecovery' in e && e.inRecovery ? (
                        <span className="note">{t.inRecovery}</span>
                      ) : null}
                      {e.rescueMedication ? <span className="note">{t.tookMeds}</span> : null}
                    </td>
                  </tr>,
                  e.state === 'error' && 'idempotencyKey' in e && (
                    <tr key={`${e.key}-fix`} className="diary-fix">
                      <td colSpan={pre !== null ? 4 : 3}>
                        <p className="error-text">{e.error?.conflict ? t.conflict : e.error?.message}</p>
                        <span className="row">
                          <button type="button" className="secondary" onClick={() => change(e)}>
                            {t.fix}
                          </button>
                          <button type="button" className="secondary" onClick={() => drop(e)}>
                            {t.remove}
                          </button>
                        </span>
                      </td>
                    </tr>
                  ),
                ];
              })}
            </tbody>
          </table>
        </div>
      )}
      <p className="muted">{t.callClinic}</p>
    </div>
  );
}

/**
 * Offline-first diary entries: every entry is written to this phone's localStorage first (per link), with its
 * own idempotency key, and only then sent. A lost connection leaves it queued; it is resent on `online`, on
 * page load, when the page is shown again and on "Send now". The server answers a repeated key with the original entry (200), so a resend
 * after a lost answer never makes a duplicate. An entry the server refuses stays, marked, for the patient to
 * change or remove.
 */
import type { DiaryEntryDto } from '../../../contract/diary-links';
import { ApiError, post } from '../../shared/api';

export interface QueuedEntry {
  idempotencyKey: string;
  minutesAfter: number;
  score: number;
  activity?: string;
  rescueMedication?: boolean;
  savedAt: string;
  /** Set when the server refused the entry: the patient changes or removes it. */
  error?: { message: string; conflict: boolean };
}

const storageKey = (token: string) => `facetpath.diary.${token}`;

/** Where storage refuses to write (a full or private-mode browser), the queue lives in memory for the visit. */
const memory = new Map<string, QueuedEntry[]>();
let storageOk = true;

export function loadQueue(token: string): QueuedEntry[] {
  if (!storageOk) return memory.get(token) ?? [];
  try {
    const v = JSON.parse(localStorage.getItem(storageKey(token)) ?? '[]');
    return Array.isArray(v) ? v : [];
  } catch {
    return [];
  }
}

function store(token: string, q: QueuedEntry[]): void {
  memory.set(token, q);
  try {
    if (q.length) localStorage.setItem(storageKey(token), JSON.stringify(q));
    else localStorage.removeItem(storageKey(token));
  } catch {
    storageOk = false;
  }
}

/** A key the server accepts (8–100 of letters, digits, . _ : -), unique per entry. */
export function newKey(): string {
  if (typeof crypto.randomUUID === 'function') return `diary-${crypto.randomUUID()}`;
  const b = crypto.getRandomValues(new Uint8Array(16));
  return `diary-${Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('')}`;
}

export function enqueue(token: string, e: Omit<QueuedEntry, 'idempotencyKey' | 'savedAt'>): QueuedEntry {
  const entry: QueuedEntry = { ...e, idempotencyKey: newKey(), savedAt: new Date().toISOString() };
  store(token, [...loadQueue(token), entry]);
  return entry;
}

export function removeQueued(token: string, key: string): void {
  store(
    token,
    loadQueue(token).filter((q) => q.idempotencyKey !== key),
  );
}

function markError(token: string, key: string, error: QueuedEntry['error']): void {
  store(
    token,
    loadQueue(token).map((q) => (q.idempotencyKey === key ? { ...q, error } : q)),
  );
}

export interface FlushResult {
  sent: DiaryEntryDto[];
  /** The connection is down: what is left stays queued. */
  offline: boolean;
  /** The server failed (5xx, rate limit): what is left stays queued. */
  trouble: boolean;
  /** The server refused at least one entry (kept, marked). */
  rejected: boolean;
  /** 404 or 410: the link no longer works. */
  deadLink?: number;
}

const running = new Map<string, Promise<FlushResult>>();

/** Sends every queued entry that is not marked refused, one at a time, oldest first. One run per link. */
export function flush(token: string): Promise<FlushResult> {
  const busy = running.get(token);
  if (busy) return busy;
  const run = send(token).finally(() => running.delete(token));
  running.set(token, run);
  return run;
}

async function send(token: string): Promise<FlushResult> {
  const r: FlushResult = { sent: [], offline: false, trouble: false, rejected: false };
  const tried = new Set<string>();
  for (;;) {
    // Re-read each time: an entry saved while sending is sent in the same run.
    const next = loadQueue(token).find((q) => !q.error && !tried.has(q.idempotencyKey));
    if (!next) return r;
    tried.add(next.idempotencyKey);
    const { idempotencyKey, minutesAfter, score, activity, rescueMedication } = next;
    try {
      const entry = await post<DiaryEntryDto>(`/api/v1/diary/${encodeURIComponent(token)}/entries`, {
        minutesAfter,
        score,
        ...(activity ? { activity } : {}),
        ...(rescueMedication ? { rescueMedication } : {}),
        idempotencyKey,
      });
      // 201 created, or 200: this key was recorded before (a resend after a lost answer) — sent either way.
      removeQueued(token, idempotencyKey);
      r.sent.push(entry);
    } catch (e) {
      if (!(e instanceof ApiError) || e.offline) return { ...r, offline: true };
      if (e.status === 404 || e.status === 410) return { ...r, deadLink: e.status };
      if (e.status >= 500 || e.status === 429) return { ...r, trouble: true };
      markError(token, idempotencyKey, {
        message: e.issues[0]?.message ? `${e.message} (${e.issues[0].message})` : e.message,
        conflict: e.status === 409,
      });
      r.rejected = true;
    }
  }
}

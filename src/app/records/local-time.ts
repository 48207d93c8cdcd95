/**
 * Clock times in a location's time zone (IANA), with Intl only (ADR 0013): a local date and time to an
 * instant, and an instant back to the local time with its offset.
 */

const formats = new Map<string, Intl.DateTimeFormat>();

function format(tz: string): Intl.DateTimeFormat {
  let f = formats.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formats.set(tz, f);
  }
  return f;
}

/** Whether Intl knows the zone. */
export function isTimeZone(tz: string): boolean {
  try {
    format(tz);
    return true;
  } catch {
    return false;
  }
}

interface Parts {
  date: string;
  time: string;
  /** Minutes east of UTC. */
  offsetMinutes: number;
}

export function localParts(at: Date, tz: string): Parts {
  const p: Record<string, string> = {};
  for (const x of format(tz).formatToParts(at)) p[x.type] = x.value;
  const date = `${p.year}-${p.month}-${p.day}`;
  const time = `${p.hour}:${p.minute}`;
  const asUtc = Date.UTC(
    Number(p.year),
    Number(p.month) - 1,
    Number(p.day),
    Number(p.hour),
    Number(p.minute),
  );
  const whole = Math.floor(at.getTime() / 60_000) * 60_000;
  return { date, time, offsetMinutes: Math.round((asUtc - whole) / 60_000) };
}

/**
 * The instant a local date and time (HH:MM) names in the zone; null when that local time does not exist
 * there (the hour skipped when clocks go forward). A time that occurs twice (clocks going back) is the first.
 */
export function zonedInstant(date: string, time: string, tz: string): Date | null {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  const naive = Date.UTC(y, m - 1, d, hh, mm);
  const candidates = new Set<number>();
  for (const probe of [naive - 36e5 * 14, naive, naive + 36e5 * 14]) {
    candidates.add(naive - localParts(new Date(probe), tz).offsetMinutes * 60_000);
  }
  const hits = [...candidates]
    .filter((c) => {
      const l = localParts(new Date(c), tz);
      return l.date === date && l.time === time;
    })
    .sort((a, b) => a - b);
  return hits.length ? new Date(hits[0]!) : null;
}

/** ISO 8601 with the zone's offset at that instant, e.g. 2026-03-14T14:05:00-04:00. */
export function isoWithOffset(at: Date, tz: string): string {
  const { date, time, offsetMinutes } = localParts(at, tz);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const off = `${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  return `${date}T${time}:00${sign}${off}`;
}

/**
 * The default pain-diary schedule (spec §3, [D]): pre-block, 15 min, 30 min, 1 h, 2 h, 3 h, 4 h, 5 h, 6 h,
 * 8 h, 12 h, 24 h. Pure: which slots the entries fill, and when the next one is due.
 */
export const DIARY_SCHEDULE_MINUTES = [15, 30, 60, 120, 180, 240, 300, 360, 480, 720, 1440] as const;

export interface ScheduleSlot {
  label: string;
  /** null for the pre-block score. */
  minutesAfter: number | null;
  filled: boolean;
}

const label = (m: number) => (m < 60 ? `${m} min` : `${m / 60} h`);

/**
 * The slot an entry counts for: the nearest scheduled time (ties go to the earlier), so an entry at 17
 * minutes fills the 15-minute slot; entries more than half the last gap past 24 h fill nothing.
 */
export function slotOf(minutesAfter: number): number | undefined {
  const last = DIARY_SCHEDULE_MINUTES[DIARY_SCHEDULE_MINUTES.length - 1]!;
  if (minutesAfter > last + (last - 720) / 2) return undefined;
  let best: number = DIARY_SCHEDULE_MINUTES[0];
  for (const m of DIARY_SCHEDULE_MINUTES) {
    if (Math.abs(m - minutesAfter) < Math.abs(best - minutesAfter)) best = m;
  }
  return best;
}

export function diarySchedule(
  hasPreScore: boolean,
  entryMinutes: readonly number[],
): { schedule: ScheduleSlot[]; nextDueMinutes: number | null } {
  const filled = new Set(entryMinutes.map(slotOf).filter((m) => m !== undefined));
  const latest = entryMinutes.length ? Math.max(...entryMinutes) : -1;
  const schedule: ScheduleSlot[] = [
    { label: 'pre-block', minutesAfter: null, filled: hasPreScore },
    ...DIARY_SCHEDULE_MINUTES.map((m) => ({ label: label(m), minutesAfter: m, filled: filled.has(m) })),
  ];
  const next = DIARY_SCHEDULE_MINUTES.find((m) => m > latest && !filled.has(m));
  return { schedule, nextDueMinutes: next ?? null };
}

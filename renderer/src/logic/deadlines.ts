/** Follow-up deadlines of interventions (e.g. a government's 60 days to reply). Pure. */
export type DeadlineState = 'overdue' | 'today' | 'soon' | 'later';

const DAY_MS = 86_400_000;

function dayMs(iso: string): number {
  return Date.parse(`${iso}T00:00:00Z`);
}

export function daysUntil(day: string, today: string): number {
  return Math.round((dayMs(day) - dayMs(today)) / DAY_MS);
}

export function deadlineState(day: string, today: string, soonDays = 14): DeadlineState {
  const days = daysUntil(day, today);
  if (days < 0) return 'overdue';
  if (days === 0) return 'today';
  return days <= soonDays ? 'soon' : 'later';
}

export function addDays(day: string, days: number): string {
  return new Date(dayMs(day) + days * DAY_MS).toISOString().slice(0, 10);
}

export function todayIso(now: Date = new Date()): string {
  const local = new Date(now.getTime() - now.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 10);
}

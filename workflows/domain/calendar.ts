/**
 * Working-day and month arithmetic over a holiday calendar that is data.
 * Dates are local calendar dates ("YYYY-MM-DD") in the policy's fixed UTC offset
 * (China has no daylight saving), so the arithmetic never depends on the host's zone.
 */
import { z } from 'zod';
import { IsoDate } from './contracts';

export const CalendarSchema = z.strictObject({
  $comment: z.string().optional(),
  name: z.string().min(1),
  utcOffsetMinutes: z.number().int().min(-720).max(840),
  /** Official days off (法定节假日 and the days moved next to them). */
  holidays: z.array(IsoDate),
  /** Weekend days that are working days (调休上班). */
  workingWeekends: z.array(IsoDate),
  /** Years whose notices the data holds; outside them only weekends count as days off. */
  coveredYears: z.array(z.number().int()),
});
export type Calendar = z.infer<typeof CalendarSchema>;

export const PeriodSchema = z.strictObject({
  /** `seconds` compresses time for demonstrations; the real rules use the others. */
  unit: z.enum(['workingDays', 'calendarDays', 'months', 'seconds']),
  count: z.number().int().min(1).max(100_000),
});
export type Period = z.infer<typeof PeriodSchema>;

export interface Due {
  /** The last local day on which the duty is on time. */
  date: string;
  /** The instant it becomes overdue: the start of the following local day. */
  at: string;
}

const DAY_MS = 86_400_000;

function parse(date: string): number {
  return Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10));
}
function format(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return format(parse(date) + days * DAY_MS);
}

/** The local date of an instant. */
export function localDate(instant: string, cal: Calendar): string {
  return format(Date.parse(instant) + cal.utcOffsetMinutes * 60_000);
}

/** The instant a local date begins. */
export function startOfLocalDay(date: string, cal: Calendar): string {
  return new Date(parse(date) - cal.utcOffsetMinutes * 60_000).toISOString();
}

/**
 * The calendar's days as sets of day numbers (days since 1970-01-01), built once per calendar: due
 * dates are computed many times per action, and walking day numbers formats no date per day.
 */
const daySets = new WeakMap<Calendar, { holidays: Set<number>; workingWeekends: Set<number> }>();
function setsOf(cal: Calendar) {
  let sets = daySets.get(cal);
  if (!sets) daySets.set(cal, (sets = { holidays: new Set(cal.holidays.map(dayNumber)), workingWeekends: new Set(cal.workingWeekends.map(dayNumber)) }));
  return sets;
}

const dayNumber = (date: string) => parse(date) / DAY_MS;
const dateOf = (day: number) => format(day * DAY_MS);

function workingDay(day: number, sets: ReturnType<typeof setsOf>): boolean {
  if (sets.workingWeekends.has(day)) return true;
  if (sets.holidays.has(day)) return false;
  // 1 January 1970 was a Thursday.
  const weekday = (day + 4) % 7;
  return weekday !== 0 && weekday !== 6;
}

export function isWorkingDay(date: string, cal: Calendar): boolean {
  return workingDay(dayNumber(date), setsOf(cal));
}

export function nextWorkingDayOnOrAfter(date: string, cal: Calendar): string {
  const sets = setsOf(cal);
  let d = dayNumber(date);
  while (!workingDay(d, sets)) d++;
  return dateOf(d);
}

/** The n-th working day after `date` (the start day itself is not counted). */
export function addWorkingDays(date: string, n: number, cal: Calendar): string {
  return stepWorkingDays(date, n, 1, cal);
}

/** The n-th working day before `date`. */
export function subtractWorkingDays(date: string, n: number, cal: Calendar): string {
  return stepWorkingDays(date, n, -1, cal);
}

function stepWorkingDays(date: string, n: number, step: 1 | -1, cal: Calendar): string {
  const sets = setsOf(cal);
  let d = dayNumber(date);
  for (let left = n; left > 0; ) {
    d += step;
    if (workingDay(d, sets)) left--;
  }
  return dateOf(d);
}

/**
 * Months run to the corresponding day of the final month, or its last day where it has
 * none (the start day is not counted), as the Civil Code counts periods (arts. 201-203).
 */
export function addMonths(date: string, n: number): string {
  const y = +date.slice(0, 4);
  const m = +date.slice(5, 7) - 1 + n;
  const day = +date.slice(8, 10);
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return format(Date.UTC(y, m, Math.min(day, lastDay)));
}

/**
 * When a duty that starts at `startedAt` and runs for `period` is due. Working-day periods
 * end on a working day by construction; the others move to the next working day when
 * `rollToWorkingDay` is set and they end on a day off.
 */
export function dueAfter(startedAt: string, period: Period, cal: Calendar, rollToWorkingDay: boolean): Due {
  if (period.unit === 'seconds') {
    const at = new Date(Date.parse(startedAt) + period.count * 1000).toISOString();
    return { date: localDate(at, cal), at };
  }
  const start = localDate(startedAt, cal);
  let date: string;
  if (period.unit === 'workingDays') {
    date = addWorkingDays(start, period.count, cal);
  } else {
    date = period.unit === 'months' ? addMonths(start, period.count) : addDays(start, period.count);
    if (rollToWorkingDay) date = nextWorkingDayOnOrAfter(date, cal);
  }
  return { date, at: startOfLocalDay(addDays(date, 1), cal) };
}

export function isOverdue(due: Due, now: string): boolean {
  return Date.parse(now) >= Date.parse(due.at);
}

/** The instant `period` after a due date has passed: when an overdue duty escalates. */
export function afterDue(due: Due, period: Period, cal: Calendar, rollToWorkingDay: boolean): string {
  if (period.unit === 'seconds') return new Date(Date.parse(due.at) + period.count * 1000).toISOString();
  return dueAfter(startOfLocalDay(due.date, cal), period, cal, rollToWorkingDay).at;
}

/** The instant `period` before a due date: the start of the day that many (working) days earlier. */
export function beforeDue(due: Due, period: Period, cal: Calendar): string {
  if (period.unit === 'seconds') return new Date(Date.parse(due.at) - period.count * 1000).toISOString();
  const day =
    period.unit === 'workingDays'
      ? subtractWorkingDays(due.date, period.count, cal)
      : period.unit === 'months'
        ? addMonths(due.date, -period.count)
        : addDays(due.date, -period.count);
  return startOfLocalDay(day, cal);
}

const dayOfWeek = (date: string) => new Date(parse(date)).getUTCDay();

/**
 * One year's official days off and make-up working days, as the State Council's notice gives
 * them: what an operator loads when a year's notice is out.
 */
export const CalendarYearDaysSchema = z.strictObject({
  /** Official days off (法定节假日 and the days moved next to them). */
  holidays: z.array(IsoDate).min(1).max(60),
  /** Weekend days that are working days (调休上班). */
  workingWeekends: z.array(IsoDate).max(20),
});
export const CalendarYearSchema = CalendarYearDaysSchema.extend({ year: z.number().int().min(2000).max(2100) })
  .superRefine((y, ctx) => {
    const check = (field: 'holidays' | 'workingWeekends', ok: (d: string, i: number) => boolean, message: string) =>
      y[field].forEach((d, i) => ok(d, i) || ctx.addIssue({ code: 'custom', path: [field, i], message }));
    check('holidays', (d) => d.startsWith(`${y.year}-`), `must be a date in ${y.year}`);
    check('workingWeekends', (d) => d.startsWith(`${y.year}-`), `must be a date in ${y.year}`);
    check('workingWeekends', (d) => [0, 6].includes(dayOfWeek(d)), 'must be a Saturday or a Sunday');
    check('workingWeekends', (d) => !y.holidays.includes(d), 'must not also be a holiday');
    check('holidays', (d, i) => y.holidays.indexOf(d) === i, 'must be listed once');
  });
export type CalendarYear = z.infer<typeof CalendarYearSchema>;

/** The calendar with `year` as given: its dates replace whatever the calendar held for that year. */
export function withYear(cal: Calendar, y: CalendarYear): Calendar {
  const other = (d: string) => !d.startsWith(`${y.year}-`);
  return {
    ...cal,
    holidays: [...cal.holidays.filter(other), ...y.holidays].sort(),
    workingWeekends: [...cal.workingWeekends.filter(other), ...y.workingWeekends].sort(),
    coveredYears: [...new Set([...cal.coveredYears, y.year])].sort((a, b) => a - b),
  };
}

/**
 * A corrected notice for a year `cal` covers, as a proposal running on `today` takes it: the days
 * before today as they were counted, the correction's from today on. Undefined when the
 * correction changes only days already passed (or nothing).
 */
export function correctedYear(cal: Calendar, y: CalendarYear, today: string): CalendarYear | undefined {
  const inYear = (d: string) => d.startsWith(`${y.year}-`);
  const was = { holidays: cal.holidays.filter(inYear), workingWeekends: cal.workingWeekends.filter(inYear) };
  const from = (old: string[], corrected: string[]) => [...old.filter((d) => d < today), ...corrected.filter((d) => d >= today)].sort();
  const holidays = from(was.holidays, y.holidays);
  const workingWeekends = from(was.workingWeekends, y.workingWeekends);
  if (holidays.join() === was.holidays.join() && workingWeekends.join() === was.workingWeekends.join()) return undefined;
  return { year: y.year, holidays, workingWeekends };
}

/**
 * The years a calendar must cover and does not: every year from now up to `horizonMonths` ahead
 * and up to the latest due date still open. Outside the years covered only weekends are days off,
 * so a due date there may fall on a holiday unnoticed: operators load the year first.
 */
export function uncoveredYears(cal: Calendar, now: string, dueDates: string[], horizonMonths = 6): number[] {
  const today = localDate(now, cal);
  const horizon = [addMonths(today, horizonMonths), ...dueDates].sort().at(-1)!;
  const years: number[] = [];
  for (let y = +today.slice(0, 4); y <= +horizon.slice(0, 4); y++) if (!cal.coveredYears.includes(y)) years.push(y);
  return years;
}

/**
 * The holiday calendar as operators keep it: the seed file's years, and the years loaded since
 * (latest version first), and the check that it reaches far enough ahead.
 */
import type { Pool } from 'pg';
import { type Calendar, type CalendarYear, uncoveredYears, withYear } from '../../workflows/domain/calendar';
import { inTransaction } from './database';
import { raiseOperatorAlert } from './operator-alerts';

export interface StoredYear extends CalendarYear {
  version: number;
  loadedBy: string;
  loadedAt: string;
}

/** Stores a year's days as a new version, unless the latest version already says the same. */
export async function storeCalendarYear(pool: Pool, calendar: string, y: CalendarYear, by: string): Promise<{ version: number; changed: boolean }> {
  return inTransaction(pool, async (client) => {
    // One loader of a calendar at a time, so two loads of one year cannot take the same version.
    await client.query('select pg_advisory_xact_lock(hashtext($1))', [`calendar:${calendar}`]);
    const days = [[...y.holidays].sort(), [...y.workingWeekends].sort()];
    const { rows } = await client.query<{ version: number; same: boolean }>(
      `select version, (holidays = $3::date[] and working_weekends = $4::date[]) as same
       from calendar_years where calendar = $1 and year = $2 order by version desc limit 1`,
      [calendar, y.year, ...days],
    );
    const latest = rows[0];
    if (latest?.same) return { version: latest.version, changed: false };
    const version = (latest?.version ?? 0) + 1;
    await client.query(
      'insert into calendar_years (calendar, year, version, holidays, working_weekends, loaded_by) values ($1, $2, $3, $4::date[], $5::date[], $6)',
      [calendar, y.year, version, ...days, by],
    );
    return { version, changed: true };
  });
}

/** The latest version of every year loaded for a calendar. */
export async function storedYears(pool: Pool, calendar: string): Promise<StoredYear[]> {
  const { rows } = await pool.query(
    `select distinct on (year) year, version, loaded_by, loaded_at,
            array(select to_char(d, 'YYYY-MM-DD') from unnest(holidays) d order by d) as holidays,
            array(select to_char(d, 'YYYY-MM-DD') from unnest(working_weekends) d order by d) as working_weekends
     from calendar_years where calendar = $1 order by year, version desc`,
    [calendar],
  );
  return rows.map((r) => ({ year: r.year, holidays: r.holidays, workingWeekends: r.working_weekends, version: r.version, loadedBy: r.loaded_by, loadedAt: (r.loaded_at as Date).toISOString() }));
}

/** The seed calendar with every year loaded since: what a proposal filed now pins. */
export async function currentCalendar(pool: Pool, seed: Calendar): Promise<Calendar> {
  return (await storedYears(pool, seed.name)).reduce<Calendar>(withYear, seed);
}

export interface Coverage {
  calendar: string;
  lastCoveredYear: number;
  /** Years from now to six months ahead, and to the latest open due date, that the calendar lacks. */
  uncoveredYears: number[];
}

/** Whether the calendar reaches six months ahead and past every open duty's due date. */
export async function calendarCoverage(pool: Pool, calendar: Calendar, now: string): Promise<Coverage> {
  const { rows } = await pool.query<{ last: string | null }>(`select to_char(max(due_date), 'YYYY-MM-DD') as last from unit_tasks where not is_window`);
  const last = rows[0]?.last;
  return {
    calendar: calendar.name,
    lastCoveredYear: Math.max(...calendar.coveredYears),
    uncoveredYears: uncoveredYears(calendar, now, last ? [last] : []),
  };
}

/** An operator alert for the committee when the calendar runs out: once per calendar and first missing year. */
export async function raiseCoverageAlert(pool: Pool, coverage: Coverage, now: string): Promise<boolean> {
  const year = coverage.uncoveredYears[0];
  if (year === undefined) return false;
  return raiseOperatorAlert(
    pool,
    { key: `calendarCoverage:${coverage.calendar}:${year}`, kind: 'warning', what: 'calendarCoverage', dueDate: `${year}-01-01`, details: { ...coverage, year } },
    now,
  );
}

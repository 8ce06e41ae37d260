import { CalendarYearSchema, addMonths, addWorkingDays, dueAfter, isWorkingDay, localDate, subtractWorkingDays, uncoveredYears, withYear } from '../../workflows/domain/calendar';
import { year2027 } from '../support/calendar-2027';
import { defaultPolicy } from '../../seeds/policy';

const cal = defaultPolicy().calendar;

describe('working days over the holiday calendar', () => {
  test('weekends are days off, 调休 weekend days are working days, holidays are days off', () => {
    expect(isWorkingDay('2024-02-03', cal)).toBe(false); // Saturday
    expect(isWorkingDay('2024-02-04', cal)).toBe(true); // Sunday, made a working day for Spring Festival
    expect(isWorkingDay('2024-02-12', cal)).toBe(false); // Monday in Spring Festival
    expect(isWorkingDay('2024-10-12', cal)).toBe(true); // Saturday after National Day
    expect(isWorkingDay('2027-03-01', cal)).toBe(true); // beyond the data: weekdays work
  });

  test('counting starts the day after, and skips the Spring Festival week but counts the 调休 Sunday', () => {
    // Fri 2 Feb 2024 + 5 working days: Sun 4 (调休), Mon 5, Tue 6, Wed 7, Thu 8.
    expect(addWorkingDays('2024-02-02', 5, cal)).toBe('2024-02-08');
    // Thu 8 Feb + 2: Fri 9, then 10–17 off, Sun 18 (调休).
    expect(addWorkingDays('2024-02-08', 2, cal)).toBe('2024-02-18');
    expect(subtractWorkingDays('2024-02-18', 2, cal)).toBe('2024-02-08');
  });

  test('months end on the corresponding day, or the month end where there is none', () => {
    expect(addMonths('2024-03-21', 3)).toBe('2024-06-21');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2023-11-30', 3)).toBe('2024-02-29');
    expect(addMonths('2024-12-15', 2)).toBe('2025-02-15');
  });

  test('local dates are taken at UTC+8 whatever the host zone', () => {
    expect(localDate('2024-03-20T16:30:00Z', cal)).toBe('2024-03-21');
    expect(localDate('2024-03-20T15:59:59Z', cal)).toBe('2024-03-20');
  });
});

describe('due dates', () => {
  test("proposal 202's reply is due three months after the assignment meeting of 21 March 2024", () => {
    const due = dueAfter('2024-03-21T02:00:00Z', { unit: 'months', count: 3 }, cal, true);
    expect(due).toEqual({ date: '2024-06-21', at: '2024-06-21T16:00:00.000Z' });
  });

  test('a period in months that ends on a public holiday moves to the next working day', () => {
    // 1 July + 3 months = 1 October, National Day; the next working day is 8 October.
    expect(dueAfter('2024-07-01T02:00:00Z', { unit: 'months', count: 3 }, cal, true).date).toBe('2024-10-08');
    expect(dueAfter('2024-07-01T02:00:00Z', { unit: 'months', count: 3 }, cal, false).date).toBe('2024-10-01');
  });

  test('fifteen working days of rating across the Qingming holiday', () => {
    // Issued Mon 1 Apr 2024: Tue 2, Wed 3, (4–6 off), Sun 7 (调休), 8–12, 15–19, Mon 22, Tue 23.
    expect(dueAfter('2024-04-01T02:00:00Z', { unit: 'workingDays', count: 15 }, cal, true).date).toBe('2024-04-23');
  });
});

describe('a year loaded by an operator (issue 7, point 10)', () => {
  test('a year is validated: its dates in that year, make-up days on weekends, nothing listed twice', () => {
    const bad = CalendarYearSchema.safeParse({ year: 2027, holidays: ['2027-01-01', '2026-12-31', '2027-01-01'], workingWeekends: ['2027-02-01', '2027-01-01'] });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`).sort()).toEqual([
      'holidays.1: must be a date in 2027',
      'holidays.2: must be listed once',
      'workingWeekends.0: must be a Saturday or a Sunday',
      'workingWeekends.1: must be a Saturday or a Sunday',
      'workingWeekends.1: must not also be a holiday',
    ]);
    expect(CalendarYearSchema.safeParse(year2027).success).toBe(true);
  });

  test('loaded, its holidays move due dates: three months from 8 November 2026 end in the Spring Festival week', () => {
    const loaded = withYear(cal, year2027);
    expect(loaded.coveredYears).toEqual([2024, 2025, 2026, 2027]);
    expect(isWorkingDay('2027-02-08', cal)).toBe(true); // not covered: only weekends are off
    expect(isWorkingDay('2027-02-08', loaded)).toBe(false);
    expect(dueAfter('2026-11-08T02:00:00.000Z', { unit: 'months', count: 3 }, cal, true).date).toBe('2027-02-08');
    expect(dueAfter('2026-11-08T02:00:00.000Z', { unit: 'months', count: 3 }, loaded, true).date).toBe('2027-02-15');
  });

  test('the calendar must reach six months ahead and past every open due date', () => {
    // 1 July 2026 (local) + 6 months = 1 January 2027: not covered.
    expect(uncoveredYears(cal, '2026-06-30T16:00:00.000Z', [])).toEqual([2027]);
    expect(uncoveredYears(cal, '2026-06-29T16:00:00.000Z', [])).toEqual([]);
    expect(uncoveredYears(cal, '2026-03-01T02:00:00.000Z', ['2027-02-01'])).toEqual([2027]);
    expect(uncoveredYears(withYear(cal, year2027), '2026-11-27T02:00:00.000Z', ['2028-01-10'])).toEqual([2028]);
  });
});

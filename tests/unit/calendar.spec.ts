import { addMonths, addWorkingDays, dueAfter, isWorkingDay, localDate, subtractWorkingDays } from '../../workflows/domain/calendar';
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

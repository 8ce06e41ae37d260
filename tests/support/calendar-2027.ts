/**
 * A 2027 holiday year for tests only: shaped like a State Council notice (New Year, a Spring
 * Festival week with make-up Saturdays, …) but not the official one, which operators load when
 * it is published.
 */
import type { CalendarYear } from '../../workflows/domain/calendar';

export const year2027: CalendarYear = {
  year: 2027,
  holidays: ['2027-01-01', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11', '2027-02-12', '2027-05-01', '2027-10-01'],
  workingWeekends: ['2027-01-30', '2027-02-20'],
};

/**
 * The holiday calendar, kept by the committee without a deploy: a year loaded here is pinned by
 * every proposal filed from now on, and taken by every running proposal whose calendar lacks it.
 */
import { Inject, Injectable } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import type { Pool } from 'pg';
import { calendarCoverage, currentCalendar, storeCalendarYear, storedYears } from '../../../common/calendar-years';
import { defaultPolicy } from '../../../../seeds/policy';
import type { CalendarYear } from '../../../../workflows/domain/calendar';
import { calendarYearSignal } from '../../../../workflows/messages';
import type { Principal } from '../auth/principals';
import { PG_POOL, TEMPORAL } from '../connections';

@Injectable()
export class CalendarService {
  private readonly seed = defaultPolicy().calendar;

  constructor(
    @Inject(TEMPORAL) private readonly temporal: Client,
    @Inject(PG_POOL) private readonly pool: Pool,
  ) {}

  current() {
    return currentCalendar(this.pool, this.seed);
  }

  async overview() {
    const calendar = await this.current();
    return { name: calendar.name, coveredYears: calendar.coveredYears, loaded: await storedYears(this.pool, calendar.name), coverage: await this.coverage() };
  }

  async coverage() {
    return calendarCoverage(this.pool, await this.current(), new Date().toISOString());
  }

  /** Stores the year (a new version when it differs) and tells the running proposals. */
  async load(principal: Principal, year: CalendarYear) {
    const stored = await storeCalendarYear(this.pool, this.seed.name, year, principal.id);
    const { rows } = await this.pool.query<{ id: string }>(`select id from proposals where status = 'handling' order by id`);
    let told = 0;
    for (const { id } of rows) {
      // A proposal that has finished since the list was read has no use for it.
      const sent = await this.temporal.workflow
        .getHandle(id)
        .signal(calendarYearSignal, { calendarYear: year, by: { role: 'committee', id: principal.id } })
        .then(() => true, () => false);
      if (sent) told++;
    }
    return { calendar: this.seed.name, year: year.year, ...stored, runningProposalsTold: told };
  }
}

/**
 * The holiday calendar, kept by the committee without a deploy: a year loaded here is pinned by
 * every proposal filed from now on, and taken by every running proposal whose calendar lacks it.
 */
import { Inject, Injectable } from '@nestjs/common';
import { type Client, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import type { Pool } from 'pg';
import type { z } from 'zod';
import { calendarCoverage, currentCalendar, storeCalendarYear, storedYears } from '../../../common/calendar-years';
import { defaultPolicy } from '../../../../seeds/policy';
import type { CalendarYear } from '../../../../workflows/domain/calendar';
import { FINISHED_STATUSES } from '../../../../workflows/domain/state';
import { calendarBroadcastWorkflow } from '../../../../workflows';
import { calendarBroadcastId } from '../../../../workflows/calendar-broadcast';
import { TASK_QUEUE } from '../../../../workflows/messages';
import type { Principal } from '../auth/principals';
import { PG_POOL, TEMPORAL } from '../connections';
import type { CalendarLoadedSchema } from '../contracts';

/**
 * Proposals told of a year per second: each is a workflow task, and one evicted from the worker's
 * cache replays its whole history, so a session's worth at once would hold up people's reads.
 */
const BROADCAST_PER_SECOND = 20;

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

  /**
   * Stores the year (a new version when it differs) and, when it changed, starts telling the
   * running proposals: a workflow paces the signals, so reads keep answering while they replay.
   */
  async load(principal: Principal, year: CalendarYear): Promise<z.infer<typeof CalendarLoadedSchema>> {
    const stored = await storeCalendarYear(this.pool, this.seed.name, year, principal.id);
    const loaded = { calendar: this.seed.name, year: year.year, ...stored };
    if (!stored.changed) return { ...loaded, runningProposalsTold: 0 };
    const { rows } = await this.pool.query<{ n: number }>('select count(*)::int as n from proposals where status <> all($1)', [FINISHED_STATUSES]);
    const workflowId = calendarBroadcastId(this.seed.name, year.year, stored.version);
    try {
      await this.temporal.workflow.start(calendarBroadcastWorkflow, {
        workflowId,
        taskQueue: TASK_QUEUE,
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
        args: [{ calendarYear: year, version: stored.version, by: { role: 'committee', id: principal.id }, perSecond: BROADCAST_PER_SECOND }],
      });
    } catch (err) {
      // The same version's broadcast, started by a load retried after its answer was lost.
      if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
    }
    return { ...loaded, runningProposalsTold: rows[0]!.n, broadcast: workflowId };
  }
}

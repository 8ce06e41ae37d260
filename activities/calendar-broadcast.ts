/**
 * A page of running proposals told of a version of a calendar year. Telling one twice is
 * harmless: a proposal takes a version once, and a correction only where it changes something.
 */
import { type Client, WorkflowNotFoundError } from '@temporalio/client';
import type { Pool } from 'pg';
import type { CalendarBroadcastActivities } from '../workflows/calendar-broadcast';
import { calendarYearSignal } from '../workflows/messages';
import { FINISHED_STATUSES } from '../workflows/domain/state';

export function createCalendarBroadcastActivities(pool: Pool, client: Client): CalendarBroadcastActivities {
  return {
    async tellRunningProposals({ calendarYear, version, by, after, limit }) {
      const { rows } = await pool.query<{ id: string }>('select id from proposals where id > $1 and status <> all($2) order by id limit $3', [after, FINISHED_STATUSES, limit]);
      const told = await Promise.all(
        rows.map(({ id }) =>
          client.workflow
            .getHandle(id)
            .signal(calendarYearSignal, { calendarYear, version, by })
            .then(
              () => 1,
              (err: unknown) => {
                // Finished since the read model said it ran: it has no use for the year.
                if (err instanceof WorkflowNotFoundError) return 0;
                throw err;
              },
            ),
        ),
      );
      return { told: told.reduce<number>((a, b) => a + b, 0), last: rows.length === limit ? rows[rows.length - 1]!.id : undefined };
    },
  };
}

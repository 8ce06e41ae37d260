/** Every activity the proposal worker runs, bound to its resources. */
import type { Client } from '@temporalio/client';
import type { Pool } from 'pg';
import { createBatchActivities } from './assignment-batch';
import { createCalendarBroadcastActivities } from './calendar-broadcast';
import { createProjectionActivities } from './projection';
import { createSummaryActivities } from './annual-summary';
import { createDailyDigestActivities } from './daily-digest';

export const createActivities = (pool: Pool, client: Client) => ({ ...createProjectionActivities(pool), ...createBatchActivities(client), ...createSummaryActivities(pool), ...createCalendarBroadcastActivities(pool, client), ...createDailyDigestActivities(pool) });

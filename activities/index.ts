/** Every activity the proposal worker runs, bound to its resources. */
import type { Pool } from 'pg';
import { createProjectionActivities } from './projection';

export const createActivities = (pool: Pool) => ({ ...createProjectionActivities(pool) });

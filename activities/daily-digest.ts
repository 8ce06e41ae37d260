/** Asks for a working day's 每日待办 (see workflows/daily-digest.ts): a row the dispatcher fans out, woken at once (NOTIFY notices). */
import type { Pool } from 'pg';
import { currentCalendar } from '../apps/common/calendar-years';
import { inTransaction } from '../apps/common/database';
import { isWorkingDay } from '../workflows/domain/calendar';
import type { DailyDigestActivities } from '../workflows/daily-digest';
import { defaultPolicy } from '../seeds/policy';

export function createDailyDigestActivities(pool: Pool): DailyDigestActivities {
  return {
    async requestDailyDigest({ date }) {
      const calendar = await currentCalendar(pool, defaultPolicy().calendar);
      if (!isWorkingDay(date, calendar)) return { workingDay: false, requested: false };
      return inTransaction(pool, async (client) => {
        const { rowCount } = await client.query('insert into digest_runs (date) values ($1) on conflict (date) do nothing', [date]);
        if (rowCount) await client.query(`select pg_notify('notices', $1)`, [`digest:${date}`]);
        return { workingDay: true, requested: Boolean(rowCount) };
      });
    },
  };
}

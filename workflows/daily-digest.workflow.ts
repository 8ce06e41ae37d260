/** The 每日待办 run the Schedule starts (see daily-digest.ts): the day is the one it starts on, in Beijing. */
import { proxyActivities } from '@temporalio/workflow';
import type { DailyDigestActivities } from './daily-digest';

const { requestDailyDigest } = proxyActivities<DailyDigestActivities>({ startToCloseTimeout: '1 minute', retry: { initialInterval: '5 seconds', maximumInterval: '5 minutes' } });

const BEIJING_OFFSET_MS = 8 * 3_600_000;

export async function dailyDigestWorkflow(): Promise<{ date: string; workingDay: boolean; requested: boolean }> {
  const date = new Date(Date.now() + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
  return { date, ...(await requestDailyDigest({ date })) };
}

/**
 * The 每日待办 Schedule, made by the worker as it starts and brought to the configured time when it
 * differs: a Temporal Schedule (visible in the web UI, paused and triggered there), not a timer of
 * our own. It fires every day; the run itself skips days the holiday calendar gives off.
 */
import { type Client, ScheduleAlreadyRunning, ScheduleOverlapPolicy, type ScheduleOptions } from '@temporalio/client';
import { DAILY_DIGEST_SCHEDULE_ID } from '../../../workflows/daily-digest';
import { TASK_QUEUE } from '../../../workflows/messages';

export interface DigestTime {
  /** HH:MM */
  at: string;
  timezone: string;
}

export function dailyDigestSchedule({ at, timezone }: DigestTime, taskQueue = TASK_QUEUE): ScheduleOptions {
  return {
    scheduleId: DAILY_DIGEST_SCHEDULE_ID,
    spec: { calendars: [{ hour: Number(at.slice(0, 2)), minute: Number(at.slice(3, 5)) }], timezone },
    action: { type: 'startWorkflow', workflowType: 'dailyDigestWorkflow', workflowId: 'daily-digest-run', taskQueue, args: [] },
    // A morning missed while the cluster was down is caught up within the morning, never twice.
    policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '3 hours' },
  };
}

export async function ensureDailyDigestSchedule(client: Client, time: DigestTime, taskQueue = TASK_QUEUE): Promise<'created' | 'updated' | 'unchanged'> {
  const options = dailyDigestSchedule(time, taskQueue);
  try {
    await client.schedule.create(options);
    return 'created';
  } catch (err) {
    if (!(err instanceof ScheduleAlreadyRunning)) throw err;
  }
  const handle = client.schedule.getHandle(DAILY_DIGEST_SCHEDULE_ID);
  const { spec } = await handle.describe();
  const [wanted] = options.spec.calendars!;
  const now = spec.calendars?.[0];
  const same = spec.timezone === time.timezone && spec.calendars?.length === 1 && now?.hour?.[0]?.start === wanted!.hour && now?.minute?.[0]?.start === wanted!.minute;
  if (same) return 'unchanged';
  await handle.update((s) => ({ ...s, spec: options.spec }));
  return 'updated';
}

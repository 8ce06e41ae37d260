/**
 * The bare-Temporal reference for the benchmark: a minimal workflow that only records each
 * Update it is sent and runs one no-op activity per change, as the proposal workflow projects
 * each change. The ceiling of this design on the same server, with none of our rules.
 */
import { condition, defineUpdate, proxyActivities, setHandler } from '@temporalio/workflow';

// Not dispatched eagerly, as the proposal workflow's projection is not: the faster of the two here.
const { recorded } = proxyActivities<{ recorded(count: number): Promise<void> }>({ startToCloseTimeout: '30 seconds', allowEagerDispatch: false });

export const recordUpdate = defineUpdate<number, [unknown]>('record');
export const finishUpdate = defineUpdate<void, []>('finish');

export async function recorderWorkflow(): Promise<number> {
  const log: unknown[] = [];
  let done = false;
  let sent = 0;
  setHandler(recordUpdate, (payload) => {
    log.push(payload);
    return log.length;
  });
  setHandler(finishUpdate, () => {
    done = true;
  });
  for (;;) {
    await condition(() => log.length > sent || done);
    if (log.length > sent) {
      sent = log.length;
      await recorded(sent);
      continue;
    }
    return log.length;
  }
}

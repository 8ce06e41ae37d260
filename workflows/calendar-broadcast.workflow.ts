/** A year of the holiday calendar told to the running proposals a page a second (see calendar-broadcast.ts). */
import { proxyActivities, setHandler, sleep } from '@temporalio/workflow';
import { type BroadcastProgress, type CalendarBroadcastActivities, type CalendarBroadcastInput, broadcastProgressQuery } from './calendar-broadcast';

const { tellRunningProposals } = proxyActivities<CalendarBroadcastActivities>({ startToCloseTimeout: '1 minute', retry: { initialInterval: '1 second', maximumInterval: '30 seconds' } });

export async function calendarBroadcastWorkflow(input: CalendarBroadcastInput): Promise<BroadcastProgress> {
  const progress: BroadcastProgress = { told: 0, finished: false };
  setHandler(broadcastProgressQuery, () => progress);
  const limit = Math.max(1, Math.floor(input.perSecond));
  for (let after = ''; ; ) {
    // The page's second starts with it, so the pace depends on the history alone.
    const [page] = await Promise.all([tellRunningProposals({ calendarYear: input.calendarYear, version: input.version, by: input.by, after, limit }), sleep('1 second')]);
    progress.told += page.told;
    if (page.last === undefined) break;
    after = page.last;
  }
  progress.finished = true;
  return progress;
}

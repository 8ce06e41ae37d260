/** The worker's tracing, started as its entry point's first import: before `pg` is loaded, so its statements are spans. */
import { startTracing } from '../../common/tracing';

export const tracing = startTracing('proposal-worker');

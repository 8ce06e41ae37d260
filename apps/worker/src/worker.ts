/** The proposal worker: workflows plus activities on one task queue. */
import { type NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import type { createActivities } from '../../../activities';
import { TASK_QUEUE } from '../../../workflows/messages';
import { type Tracing, untracedSpanSinks } from '../../common/tracing';
import { workflowSources } from './workflow-code';

export interface ProposalWorkerOptions {
  connection: NativeConnection;
  namespace: string;
  activities: ReturnType<typeof createActivities>;
  taskQueue?: string;
  /** A bundle prebuilt by `npm run build`; without it the workflows are bundled from source at start. */
  workflowBundlePath?: string;
  maxCachedWorkflows?: number;
  /** Where the workflows' and activities' spans go; untraced without it. */
  tracing?: Tracing['worker'];
}

export function createProposalWorker(o: ProposalWorkerOptions): Promise<Worker> {
  const sinks = o.tracing?.sinks ?? untracedSpanSinks;
  const { interceptors, ...workflows }: Pick<WorkerOptions, 'workflowBundle' | 'workflowsPath' | 'bundlerOptions' | 'interceptors' | 'sinks'> = o.workflowBundlePath
    ? { workflowBundle: { codePath: o.workflowBundlePath }, sinks }
    : workflowSources(sinks);
  return Worker.create({
    connection: o.connection,
    namespace: o.namespace,
    taskQueue: o.taskQueue ?? TASK_QUEUE,
    activities: o.activities,
    ...workflows,
    interceptors: { ...interceptors, ...o.tracing?.interceptors },
    // The dev server's SQLite store serialises writes; a bounded cache keeps memory flat under load.
    maxCachedWorkflows: o.maxCachedWorkflows ?? 200,
  });
}

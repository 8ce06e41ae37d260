/** The proposal worker: workflows plus activities on one task queue. */
import { type NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import type { createActivities } from '../../../activities';
import { TASK_QUEUE } from '../../../workflows/messages';
import { workflowSources } from './workflow-code';

export interface ProposalWorkerOptions {
  connection: NativeConnection;
  namespace: string;
  activities: ReturnType<typeof createActivities>;
  taskQueue?: string;
  /** A bundle prebuilt by `npm run build`; without it the workflows are bundled from source at start. */
  workflowBundlePath?: string;
  maxCachedWorkflows?: number;
}

export function createProposalWorker(o: ProposalWorkerOptions): Promise<Worker> {
  const workflows: Pick<WorkerOptions, 'workflowBundle' | 'workflowsPath' | 'bundlerOptions'> = o.workflowBundlePath ? { workflowBundle: { codePath: o.workflowBundlePath } } : workflowSources();
  return Worker.create({
    connection: o.connection,
    namespace: o.namespace,
    taskQueue: o.taskQueue ?? TASK_QUEUE,
    activities: o.activities,
    ...workflows,
    // The dev server's SQLite store serialises writes; a bounded cache keeps memory flat under load.
    maxCachedWorkflows: o.maxCachedWorkflows ?? 200,
  });
}

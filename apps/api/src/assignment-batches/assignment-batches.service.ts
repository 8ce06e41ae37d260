/** The assignment meeting's plan applied as one durable batch workflow, and its progress. */
import { Inject, Injectable } from '@nestjs/common';
import { type Client, WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError } from '@temporalio/client';
import type { Pool } from 'pg';
import type { z } from 'zod';
import { assignmentBatchWorkflowId, batchProgressQuery } from '../../../../workflows/assignment-batch';
import { TASK_QUEUE } from '../../../../workflows/messages';
import { requireRole } from '../auth/auth.guard';
import type { Principal } from '../auth/principals';
import { PG_POOL, TEMPORAL } from '../connections';
import type { AssignmentBatchRequestSchema, BatchProgressSchema } from '../contracts';
import { Problem } from '../http/problem';
import { readUpload, rowFaults } from '../session-import/spreadsheet';
import { planRowsFrom } from './plan-rows';

type BatchProgress = z.infer<typeof BatchProgressSchema>;

@Injectable()
export class AssignmentBatchesService {
  constructor(
    @Inject(TEMPORAL) private readonly temporal: Client,
    @Inject(PG_POOL) private readonly pool: Pool,
  ) {}

  /** Starts the batch once per caller and key: a retried request finds the batch it started. */
  async start(principal: Principal, request: z.infer<typeof AssignmentBatchRequestSchema>, key: string): Promise<{ batchId: string; total: number }> {
    requireRole(principal, ['committee']);
    const rows = await readUpload(request.format, request.file);
    const { rows: units } = await this.pool.query<{ id: string; name: string }>('select id, name from units');
    const { plan, errors } = planRowsFrom(rows, new Map(units.flatMap((u) => [[u.id, u.id], [u.name, u.id]])));
    if (errors.length > 0) throw rowFaults('plan-has-faults', errors, 'correct them and send the plan again');
    const batchId = `${principal.id}-${key}`;
    const by = { role: 'committee' as const, id: principal.id };
    try {
      await this.temporal.workflow.start('assignmentBatchWorkflow', {
        workflowId: assignmentBatchWorkflowId(batchId),
        taskQueue: TASK_QUEUE,
        // A batch that finished is answered as it finished, not started again from its first row.
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
        args: [{ batchId, sessionId: request.session, rows: plan, by, perSecond: request.perSecond }],
      });
    } catch (err) {
      if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
    }
    return { batchId, total: plan.length };
  }

  async progress(principal: Principal, batchId: string): Promise<BatchProgress> {
    requireRole(principal, ['committee']);
    try {
      return { batchId, ...(await this.temporal.workflow.getHandle(assignmentBatchWorkflowId(batchId)).query(batchProgressQuery)) };
    } catch (err) {
      if (err instanceof WorkflowNotFoundError) throw new Problem(404, 'not-found', 'No such batch', `no batch ${batchId}`);
      throw err;
    }
  }
}

/** The assignment meeting's plan applied as one durable batch workflow, and its progress. */
import { Inject, Injectable } from '@nestjs/common';
import { type Client, WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError } from '@temporalio/client';
import type { Pool } from 'pg';
import type { z } from 'zod';
import { assignmentBatchWorkflowId, batchProgressQuery } from '../../../../workflows/assignment-batch';
import { TASK_QUEUE, proposalWorkflowId } from '../../../../workflows/messages';
import { requireRole } from '../auth/auth.guard';
import type { Principal } from '../auth/principals';
import { PG_POOL, TEMPORAL } from '../connections';
import type { AssignmentBatchRequestSchema, BatchProgressSchema } from '../contracts';
import { Problem } from '../http/problem';
import { readUpload, rowFaults } from '../session-import/spreadsheet';
import type { ProposalStatus } from '../../../../workflows/domain/state';
import { statusOf } from '../../../common/merge-target';
import { numbersNamed, planRowsFrom, sessionFaults, unitIdsOf } from './plan-rows';
import { planDraft } from './plan-draft';

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
    const { plan, errors } = planRowsFrom(rows, unitIdsOf(units));
    const faults = [...errors, ...sessionFaults(plan, await this.statuses(request.session, numbersNamed(plan)))].sort((a, b) => a.row - b.row);
    if (faults.length > 0) throw rowFaults('plan-has-faults', faults, 'correct them and send the plan again');
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

  /**
   * The status of each of these numbers the session has filed. The read model knows almost all;
   * one filed a moment ago may not be projected yet, so its workflow is asked about the rest.
   */
  private async statuses(sessionId: string, numbers: number[]): Promise<Map<number, ProposalStatus>> {
    const { rows } = await this.pool.query<{ number: number; status: ProposalStatus }>('select number, status from proposals where session_id = $1 and number = any($2)', [sessionId, numbers]);
    const statuses = new Map(rows.map((r) => [r.number, r.status]));
    const unprojected = numbers.filter((n) => !statuses.has(n));
    const asked = await Promise.all(unprojected.map((n) => statusOf(this.temporal, proposalWorkflowId(sessionId, n))));
    asked.forEach((status, i) => status && statuses.set(unprojected[i]!, status));
    return statuses;
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

  /** The 交办会's plan to fill in: the session's proposals still to decide, with the suggestions beside. */
  async planDraft(sessionId: string) {
    const draft = await planDraft(this.pool, sessionId);
    if (!draft) throw new Problem(404, 'nothing-to-assign', 'Nothing to assign', `no proposal of ${sessionId} is waiting for its review or assignment`);
    return draft;
  }
}

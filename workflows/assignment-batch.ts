/**
 * The assignment meeting's plan as messages: one row per proposal (its review outcome and, when
 * registered, its assignment), the batch's progress, and the names both sides use.
 */
import { defineQuery } from '@temporalio/workflow';
import { z } from 'zod';
import { type Actor, ReviewOutcomeSchema } from './domain/commands';
import { AssignmentSchema, Id } from './domain/contracts';

export const PlanRowSchema = z.strictObject({
  /** The row of the plan's file, for the operator's report. */
  row: z.number().int().min(1),
  number: z.number().int().min(1).max(99999),
  review: ReviewOutcomeSchema,
  assignment: AssignmentSchema.optional(),
});
export type PlanRow = z.infer<typeof PlanRowSchema>;

export interface AssignmentBatchInput {
  batchId: string;
  sessionId: z.infer<typeof Id>;
  rows: PlanRow[];
  by: Actor;
  /** Rows applied per second at most, so a meeting's worth of Updates does not crowd out people's actions. */
  perSecond: number;
}

export interface BatchProgress {
  total: number;
  done: { row: number; number: number }[];
  refused: { row: number; number: number; reason: string }[];
  remaining: number;
  finished: boolean;
}

export const batchProgressQuery = defineQuery<BatchProgress>('progress');
export const BATCH_ROW_REFUSED = 'PlanRowRefused';
export const assignmentBatchWorkflowId = (batchId: string) => `assignment-batch-${batchId}`;
/** The Update IDs a row's actions carry: a retried or resumed batch sends the same, and Temporal applies each once. */
export const planUpdateId = (batchId: string, number: number, step: 'review' | 'assign') => `batch-${batchId}-${number}-${step}`;

export interface BatchActivities {
  applyPlanRow(input: { batchId: string; sessionId: string; row: PlanRow; by: Actor }): Promise<void>;
}

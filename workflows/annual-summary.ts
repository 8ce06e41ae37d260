/** The unit's yearly summary as messages: its workflow's identity, its Update and Query, and its activities. */
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { SummaryState } from './domain/annual-summary';
import type { Actor } from './domain/commands';
import type { Alert } from './domain/vocabulary';

/** One workflow per unit and year: asking twice cannot ask twice. */
export const annualSummaryWorkflowId = (year: number, unitId: string) => `annual-summary-${year}-${unitId}`;

export const summaryQuery = defineQuery<SummaryState>('summary');
export const submitSummaryUpdate = defineUpdate<SummaryState, [{ actor: Actor; text: string }]>('submitSummary');

export interface SummaryActivities {
  /** The summary's row in the read model, as the workflow holds it now. */
  projectSummary(state: SummaryState): Promise<void>;
  /** Each alert into the outbox once (a unit's, of no proposal). */
  raiseSummaryAlerts(input: { alerts: Alert[]; year: number; raisedAt: string }): Promise<void>;
}

export { proposalWorkflow } from './proposal.workflow';
export { assignmentBatchWorkflow } from './assignment-batch.workflow';
export { annualSummaryWorkflow } from './annual-summary.workflow';
export { calendarBroadcastWorkflow } from './calendar-broadcast.workflow';
export { dailyDigestWorkflow } from './daily-digest.workflow';

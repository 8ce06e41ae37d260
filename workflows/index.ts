export { proposalWorkflow } from './proposal.workflow';
export { assignmentBatchWorkflow } from './assignment-batch.workflow';

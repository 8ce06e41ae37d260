/** The action endpoints, POST /proposals/{id}/{action}: each is one command of the lifecycle. */
import { COMMAND_ROLES, type Command, CommandBodies, type CommandType } from '../../../../workflows/domain/commands';

export const ACTIONS = {
  registration: { command: 'review', summary: '审查: register (立案), merge (并案), not register (不立案) or turn into a report' },
  assignment: { command: 'assign', summary: '交办: assign a lead unit and co-handlers, or units handling separately' },
  'reassignment-requests': { command: 'requestReassignment', summary: '交办异议: a unit asks to be reassigned, within the window' },
  'reassignment-decisions': { command: 'decideReassignment', summary: 'The committee keeps the unit, with a reason, or reassigns' },
  opinions: { command: 'submitOpinion', summary: '会办意见: a co-handler sends its written opinion to the lead unit' },
  contacts: { command: 'recordContact', summary: '沟通: a contact with the proposers' },
  'reply-draft': { command: 'draftReply', summary: '答复草拟: the lead unit drafts (or redrafts) the reply' },
  countersign: { command: 'countersign', summary: '会签: a co-handler countersigns the joint draft' },
  'change-requests': { command: 'requestChanges', summary: 'A co-handler asks for changes to the joint draft' },
  'countersign-releases': { command: 'releaseCountersign', summary: 'The committee lets the draft go on without a co-handler countersign that is overdue, with a reason' },
  'reply-submission': { command: 'submitReply', summary: 'The lead unit submits the countersigned draft for review' },
  'reply-review': { command: 'reviewReply', summary: '审核: the committee accepts (possibly correcting the class) or returns the reply' },
  reply: { command: 'issueReply', summary: '答复: the lead unit issues the signed reply to the proposers' },
  evaluation: { command: 'evaluate', summary: '评价: a proposer rates the reply' },
  'rehandling-decisions': { command: 'decideRehandling', summary: '不满意: the committee sends the reply back for re-handling, or accepts the rating with a note' },
  consultation: { command: 'recordConsultation', summary: 'The committee records the consultation held after a second 不满意' },
  'follow-up-reports': { command: 'reportFollowUp', summary: '跟踪办理: any assigned unit reports progress on a commitment, or its delivery' },
  'undeliverable-declarations': { command: 'declareUndeliverable', summary: 'An assigned unit declares that a commitment cannot be kept, and why' },
  'commitment-closures': { command: 'closeCommitment', summary: 'The committee accepts (or rejects) a unit’s declaration that a commitment cannot be kept' },
  'annual-summaries': { command: 'submitAnnualSummary', summary: 'A unit with open commitments sends its annual summary (before 10 October)' },
  'look-backs': { command: 'recordLookBack', summary: '回头看: the committee records its check of the open commitments before the next session' },
  'deadline-extensions': { command: 'extendReplyDeadline', summary: 'The committee extends the reply period, with a reason, where the handling policy has it extend on its own' },
  'extension-requests': { command: 'requestExtension', summary: '延期申请: the replying unit asks for a longer reply period, with a reason, before its reply is due' },
  'key-proposal': { command: 'markKey', summary: '重点提案: the committee marks the proposal key, naming its supervising leaders and the committee member in charge' },
  'handling-plans': { command: 'submitHandlingPlan', summary: '办理方案: a replying unit of a key proposal sends its handling plan' },
  'supervision-meetings': { command: 'recordSupervisionMeeting', summary: '督办: a supervising leader (or the committee) records a supervision meeting or visit on a key proposal' },
  publication: { command: 'decidePublication', summary: '答复公开: the replying unit decides whether its issued reply is published in full, as a summary, or withheld with a reason' },
  cosigning: { command: 'answerCosigning', summary: '联名确认: a co-signer of a member’s joint proposal confirms or declines, before the committee reviews it' },
  withdrawal: { command: 'withdraw', summary: '撤案: the proposer (the lead signer of a joint proposal) withdraws it before assignment, or asks the committee after' },
  'withdrawal-decisions': { command: 'decideWithdrawal', summary: "The committee consents to withdrawing an assigned proposal, or refuses, with a reason" },
  'review-objections': { command: 'objectToReview', summary: '不立案异议: the proposer (the lead signer of a joint proposal) objects to 不立案 within the window, with a reason' },
  'review-objection-decisions': { command: 'decideObjection', summary: 'The committee reviews the proposal again on the objection: registers it after all, or keeps 不立案, with a reason' },
  'extension-decisions': { command: 'decideExtension', summary: "The committee grants the unit's request for an extension, or refuses it, with a reason" },
} as const satisfies Record<string, { command: CommandType; summary: string }>;

export type ActionName = keyof typeof ACTIONS;

export const isAction = (name: string): name is ActionName => Object.hasOwn(ACTIONS, name);
export const actionBody = (name: ActionName) => CommandBodies[ACTIONS[name].command];
export const actionRoles = (name: ActionName) => COMMAND_ROLES[ACTIONS[name].command];

/** The endpoint and body that carry a command, as a client (the main job, the tests) sends it. */
export function requestFor(command: Command): { action: ActionName; body: Record<string, unknown>; principalId: string } {
  const action = (Object.keys(ACTIONS) as ActionName[]).find((name) => ACTIONS[name].command === command.type)!;
  const { type: _type, actor, ...body } = command;
  return { action, body, principalId: actor.id };
}

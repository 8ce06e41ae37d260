/** What has happened to a proposal: the only thing its state is folded from. */
import type { EventActor } from './commands';
import type { Alert } from './alerts';
import type { Assignment, Contact, Intake, Rating, ReplyDraft, Signer } from './contracts';

/** How a round of evaluation ends: sent back, to a consultation, into follow-up, or done. */
export type EvaluationOutcome = 'rehandle' | 'consult' | 'followUp' | 'done';

export type EventBody =
  | { type: 'ProposalFiled'; intake: Intake }
  | { type: 'ProposalRegistered' }
  | { type: 'ProposalMerged'; intoNumber: number; reason: string }
  | { type: 'ProposalNotRegistered'; reason: string }
  | { type: 'ProposalConvertedToReport'; reason: string }
  | { type: 'ProposalAssigned'; assignment: Assignment }
  | { type: 'ReassignmentRequested'; unitId: string; reason: string }
  | { type: 'ReassignmentRefused'; unitId: string; reason: string }
  | { type: 'ProposalReassigned'; unitId: string; assignment: Assignment; reason: string }
  | { type: 'OpinionSubmitted'; unitId: string; leadUnitId: string; text: string }
  | { type: 'ProposerContacted'; unitId: string; contact: Contact }
  | { type: 'ReplyDrafted'; unitId: string; draft: ReplyDraft }
  | { type: 'DraftCountersigned'; unitId: string; leadUnitId: string }
  | { type: 'DraftChangesRequested'; unitId: string; leadUnitId: string; comments: string }
  | { type: 'ReplySubmitted'; unitId: string }
  | { type: 'ReplyReturned'; unitId: string; comments: string }
  | { type: 'ReplyApproved'; unitId: string; replyClass: string; correctedFrom?: string; comments?: string }
  | { type: 'ReplyIssued'; unitId: string; signer: Signer; documentNumber: string; replyClass: string }
  | { type: 'ReplyEvaluated'; unitId: string; proposerId: string; rating: Rating; comments?: string }
  | { type: 'EvaluationConcluded'; unitId: string; outcome: EvaluationOutcome; windowClosed: boolean }
  | { type: 'ConsultationHeld'; unitId: string; occurredAt: string; summary: string }
  | { type: 'FollowUpReported'; unitId: string; commitmentNo: number; progress: string; done: boolean }
  | { type: 'CommitmentClosed'; unitId: string; commitmentNo: number; reason: string }
  | { type: 'ReplyDeadlineExtended'; unitId: string; months: number; reason: string }
  | { type: 'AlertRaised'; alert: Alert }
  | { type: 'ProposalClosed' };

export type ProposalEvent = EventBody & { at: string; by: EventActor };
export type EventType = ProposalEvent['type'];

/** An event as stored in the proposal's log: its position makes every projection idempotent. */
export type RecordedEvent = ProposalEvent & { seq: number };

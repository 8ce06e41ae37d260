/** What has happened to a proposal: the only thing its state is folded from. */
import { z } from 'zod';
import type { EventActor } from './commands';
import type { Assignment, Contact, Intake, Proposer, ReplyDraft, Signer } from './contracts';
import type { CalendarYear } from './calendar';
import type { Alert, Rating } from './vocabulary';

/**
 * How a round of evaluation ends: sent back, to the committee's decision on an 不满意, to a
 * consultation, into follow-up, or done.
 */
export type EvaluationOutcome = 'rehandle' | 'committeeDecides' | 'consult' | 'followUp' | 'done';

/** Who an issued reply goes to and who is copied (DOMAIN.md, 答复). */
export const DistributionSchema = z.object({
  /** Every proposer, and the proposers of proposals merged into this one. */
  recipients: z.array(z.string()),
  /** The committee, the supervision office and, for a joint reply, the co-handlers. */
  copiedTo: z.array(z.string()),
});
export type Distribution = z.infer<typeof DistributionSchema>;

export type EventBody =
  | { type: 'ProposalFiled'; intake: Intake }
  | { type: 'ProposalRegistered' }
  | { type: 'ProposalMerged'; intoNumber: number; reason: string }
  | { type: 'ProposalNotRegistered'; reason: string }
  | { type: 'ProposalConvertedToReport'; reason: string }
  /** A proposal merged into this one: its proposers receive this reply and may rate it. */
  | { type: 'MergedProposalJoined'; number: number; proposers: Proposer[] }
  | { type: 'ProposalAssigned'; assignment: Assignment }
  | { type: 'ReassignmentRequested'; unitId: string; reason: string }
  | { type: 'ReassignmentRefused'; unitId: string; reason: string }
  /**
   * `onlyNamedUnits`: the decision touches only the units it changes. Events decided under the
   * legacy rules lack it, and fold as they did then: every period started afresh.
   */
  | { type: 'ProposalReassigned'; unitId: string; assignment: Assignment; reason: string; onlyNamedUnits?: true }
  | { type: 'OpinionSubmitted'; unitId: string; leadUnitId: string; text: string }
  | { type: 'ProposerContacted'; unitId: string; contact: Contact }
  /** `withoutOpinionsOf`: co-handlers whose opinion period had passed in silence. */
  | { type: 'ReplyDrafted'; unitId: string; draft: ReplyDraft; withoutOpinionsOf?: string[] }
  | { type: 'DraftCountersigned'; unitId: string; leadUnitId: string }
  | { type: 'DraftChangesRequested'; unitId: string; leadUnitId: string; comments: string }
  /** The committee lets a draft go on without a co-handler's overdue countersign. */
  | { type: 'CountersignReleased'; unitId: string; leadUnitId: string; reason: string }
  | { type: 'ReplySubmitted'; unitId: string }
  | { type: 'ReplyReturned'; unitId: string; comments: string }
  | { type: 'ReplyApproved'; unitId: string; replyClass: string; correctedFrom?: string; comments?: string }
  | ({ type: 'ReplyIssued'; unitId: string; signer: Signer; documentNumber: string; replyClass: string } & Partial<Distribution>)
  | { type: 'ReplyEvaluated'; unitId: string; proposerId: string; rating: Rating; comments?: string }
  | { type: 'EvaluationConcluded'; unitId: string; outcome: EvaluationOutcome; windowClosed: boolean }
  | { type: 'RehandlingDecided'; unitId: string; decision: 'sendBack' | 'acceptRating'; note: string }
  | { type: 'ConsultationHeld'; unitId: string; occurredAt: string; summary: string }
  /** `unitId` is the reply's unit; the reporting unit (lead or co-handler) is `by`. */
  | { type: 'FollowUpReported'; unitId: string; commitmentNo: number; progress: string; done: boolean }
  | { type: 'CommitmentDeclaredUndeliverable'; unitId: string; commitmentNo: number; reason: string }
  /** The committee accepts a declaration (or, by the clock under the legacy rules, a lapse). */
  | { type: 'CommitmentClosed'; unitId: string; commitmentNo: number; reason: string }
  | { type: 'UndeliverableRejected'; unitId: string; commitmentNo: number; reason: string }
  | { type: 'AnnualSummarySubmitted'; unitId: string; year: number; text: string }
  | { type: 'LookBackRecorded'; summary: string }
  | { type: 'ReplyDeadlineExtended'; unitId: string; months: number; reason: string }
  /** The unit asks, before its reply is due, for a longer reply period; the committee grants (ReplyDeadlineExtended) or refuses. */
  | { type: 'ExtensionRequested'; unitId: string; months: number; reason: string }
  | { type: 'ExtensionRefused'; unitId: string; reason: string }
  | { type: 'AlertRaised'; alert: Alert }
  /** A year the pinned calendar did not cover, loaded by an operator since: its due dates now know its holidays. */
  | { type: 'CalendarYearAdded'; calendarYear: CalendarYear }
  | { type: 'ProposalClosed' };

export type ProposalEvent = EventBody & { at: string; by: EventActor };
export type EventType = ProposalEvent['type'];

/** An event as stored in the proposal's log: its position makes every projection idempotent. */
export type RecordedEvent = ProposalEvent & { seq: number };

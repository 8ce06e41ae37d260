/**
 * What has happened to a proposal: the only thing its state is folded from. Each event's zod
 * schema defines its type and the API's contract for the history it serves.
 */
import { z } from 'zod';
import { ActorSchema } from './commands';
import { AssignmentSchema, ContactSchema, IntakeSchema, ProposerSchema, ReplyDraftSchema, SignerSchema } from './contracts';
import { CalendarYearSchema } from './calendar';
import { AlertSchema, PublicationSchema, RatingSchema } from './vocabulary';

/**
 * How a round of evaluation ends: sent back, to the committee's decision on an 不满意, to a
 * consultation, into follow-up, or done.
 */
export const EvaluationOutcomeSchema = z.enum(['rehandle', 'committeeDecides', 'consult', 'followUp', 'done']);
export type EvaluationOutcome = z.infer<typeof EvaluationOutcomeSchema>;

/** Who an issued reply goes to and who is copied (DOMAIN.md, 答复). */
export const DistributionSchema = z.object({
  /** Every proposer, and the proposers of proposals merged into this one. */
  recipients: z.array(z.string()),
  /** The committee, the supervision office and, for a joint reply, the co-handlers. */
  copiedTo: z.array(z.string()),
});
export type Distribution = z.infer<typeof DistributionSchema>;

const event = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) => z.object({ type: z.literal(type), ...shape });
const unit = { unitId: z.string() };
const reason = { reason: z.string() };
const commitment = { unitId: z.string(), commitmentNo: z.number().int() };

export const EventBodySchema = z.discriminatedUnion('type', [
  /** `awaitingCosigners`: the co-signers of a member's joint proposal, each to confirm (联名). */
  event('ProposalFiled', { intake: IntakeSchema, awaitingCosigners: z.array(z.string()).optional() }),
  event('CosigningAnswered', { proposerId: z.string(), decision: z.enum(['confirm', 'decline']) }),
  /** Co-signers who had not confirmed when the committee reviewed the proposal: left out. */
  event('CosignersLapsed', { proposerIds: z.array(z.string()) }),
  event('ProposalRegistered', {}),
  event('ProposalMerged', { intoNumber: z.number().int(), ...reason }),
  /** `objectionUntil`: the lead signer may object until then (absent where the pinned policy has no window). */
  event('ProposalNotRegistered', { ...reason, objectionUntil: z.object({ date: z.string(), at: z.string() }).optional() }),
  /** 不立案异议: the lead signer objects within the window; the committee reviews the proposal again. */
  event('ReviewObjected', reason),
  /** The committee registers the proposal after all, or keeps 不立案. */
  event('ObjectionDecided', { decision: z.enum(['register', 'keep']), ...reason }),
  /** The window passed with no objection: 不立案 stands. */
  event('ObjectionWindowClosed', {}),
  event('ProposalConvertedToReport', reason),
  /** A proposal merged into this one: its proposers receive this reply and may rate it. */
  event('MergedProposalJoined', { number: z.number().int(), proposers: z.array(ProposerSchema) }),
  event('ProposalAssigned', { assignment: AssignmentSchema }),
  /** 撤案: the proposal ends withdrawn; after assignment `consent` is the committee's reason for agreeing. */
  event('ProposalWithdrawn', { ...reason, consent: z.string().optional() }),
  /** An assigned proposal's proposer asks to withdraw it; the committee consents (ProposalWithdrawn) or refuses. */
  event('WithdrawalRequested', reason),
  event('WithdrawalRefused', reason),
  /** 重点提案: selected by the chairpersons' meeting, with its supervising leaders and the committee member in charge. */
  event('KeyProposalMarked', { leaders: z.array(z.string()), memberInCharge: z.string(), ...reason }),
  /** 办理方案: a key proposal's replying unit sends how it will handle it. */
  event('HandlingPlanSubmitted', { ...unit, text: z.string() }),
  /** 督办协商会, site visit: held by a supervising leader (or the committee) on a key proposal. */
  event('SupervisionMeetingHeld', { occurredAt: z.string(), form: z.enum(['meeting', 'siteVisit', 'consultation']), participants: z.array(z.string()), conclusions: z.string() }),
  event('ReassignmentRequested', { ...unit, ...reason }),
  event('ReassignmentRefused', { ...unit, ...reason }),
  /**
   * `onlyNamedUnits`: the decision touches only the units it changes. Events decided under the
   * legacy rules lack it, and fold as they did then: every period started afresh.
   */
  event('ProposalReassigned', { ...unit, assignment: AssignmentSchema, ...reason, onlyNamedUnits: z.literal(true).optional() }),
  event('OpinionSubmitted', { ...unit, leadUnitId: z.string(), text: z.string() }),
  event('ProposerContacted', { ...unit, contact: ContactSchema }),
  /** `withoutOpinionsOf`: co-handlers whose opinion period had passed in silence. */
  event('ReplyDrafted', { ...unit, draft: ReplyDraftSchema, withoutOpinionsOf: z.array(z.string()).optional() }),
  /** `signer`: who signed for a co-issuing unit (联合答复). */
  event('DraftCountersigned', { ...unit, leadUnitId: z.string(), signer: SignerSchema.optional() }),
  event('DraftChangesRequested', { ...unit, leadUnitId: z.string(), comments: z.string() }),
  /** The committee lets a draft go on without a co-handler's overdue countersign. */
  event('CountersignReleased', { ...unit, leadUnitId: z.string(), ...reason }),
  event('ReplySubmitted', unit),
  event('ReplyReturned', { ...unit, comments: z.string() }),
  event('ReplyApproved', { ...unit, replyClass: z.string(), correctedFrom: z.string().optional(), comments: z.string().optional() }),
  /** Recipients and copies: absent on replies issued before they were recorded. */
  event('ReplyIssued', { ...unit, signer: SignerSchema, coIssuers: z.array(z.object({ unitId: z.string(), signer: SignerSchema })).optional(), documentNumber: z.string(), replyClass: z.string(), ...DistributionSchema.partial().shape }),
  /** 答复公开: the replying unit's decision on publishing its reply; a summary or a reason goes with it. */
  event('PublicationDecided', { ...unit, decision: PublicationSchema, summary: z.string().optional(), reason: z.string().optional() }),
  event('ReplyEvaluated', { ...unit, proposerId: z.string(), rating: RatingSchema, comments: z.string().optional() }),
  event('EvaluationConcluded', { ...unit, outcome: EvaluationOutcomeSchema, windowClosed: z.boolean() }),
  event('RehandlingDecided', { ...unit, decision: z.enum(['sendBack', 'acceptRating']), note: z.string() }),
  event('ConsultationHeld', { ...unit, occurredAt: z.string(), summary: z.string() }),
  /** `unitId` is the reply's unit; the reporting unit (lead or co-handler) is `by`. */
  event('FollowUpReported', { ...commitment, progress: z.string(), done: z.boolean() }),
  event('CommitmentDeclaredUndeliverable', { ...commitment, ...reason }),
  /** The committee accepts a declaration (or, by the clock under the legacy rules, a lapse). */
  event('CommitmentClosed', { ...commitment, ...reason }),
  event('UndeliverableRejected', { ...commitment, ...reason }),
  event('AnnualSummarySubmitted', { ...unit, year: z.number().int(), text: z.string() }),
  event('LookBackRecorded', { summary: z.string() }),
  event('ReplyDeadlineExtended', { ...unit, months: z.number().int(), ...reason }),
  /** The unit asks, before its reply is due, for a longer reply period; the committee grants (ReplyDeadlineExtended) or refuses. */
  event('ExtensionRequested', { ...unit, months: z.number().int(), ...reason }),
  event('ExtensionRefused', { ...unit, ...reason }),
  event('AlertRaised', { alert: AlertSchema }),
  /** A year the pinned calendar did not cover, loaded by an operator since: its due dates now know its holidays. */
  event('CalendarYearAdded', { calendarYear: CalendarYearSchema, version: z.number().int().min(1).optional() }),
  /** A corrected notice (a later version) for a year the calendar covered: the year's days from the day it arrived, as corrected. */
  event('CalendarYearCorrected', { calendarYear: CalendarYearSchema, version: z.number().int().min(1).optional() }),
  /** 机构改革: the unit was merged into, or renamed as, its successor from that date; its open work passes to the successor. */
  event('UnitSucceeded', { from: z.string(), to: z.string(), kind: z.enum(['merged', 'renamed']), effectiveOn: z.string(), ...reason }),
  event('ProposalClosed', {}),
]);
export type EventBody = z.infer<typeof EventBodySchema>;

/** Events that time, not a person, causes are recorded as done by the clock. */
export const EventActorSchema = z.union([ActorSchema, z.object({ role: z.literal('clock'), id: z.literal('clock') })]);

/** An event as stored in the proposal's log: when, by whom, and its position, which makes every projection idempotent. */
export const RecordedEventSchema = z.intersection(EventBodySchema, z.object({ at: z.string(), by: EventActorSchema, seq: z.number().int() }));

export type EventActor = z.infer<typeof EventActorSchema>;
export type ProposalEvent = EventBody & { at: string; by: EventActor };
export type EventType = ProposalEvent['type'];
export type RecordedEvent = ProposalEvent & { seq: number };

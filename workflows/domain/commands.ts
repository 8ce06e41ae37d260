/**
 * What people ask the proposal to do. The actor is set by whoever authenticated the caller
 * (the API), never chosen by the caller. The zod schema is the only definition of the shapes.
 */
import { z } from 'zod';
import { AssignmentSchema, ContactSchema, Id, Instant, ReplyDraftSchema, SignerSchema, text } from './contracts';
import { ReplyClassSchema } from './policy';
import { RatingSchema, SignerLevelSchema } from './vocabulary';

export const ActorSchema = z.discriminatedUnion('role', [
  /** 提案委员会: reviews, assigns, supervises, judges results. */
  z.strictObject({ role: z.literal('committee'), id: Id }),
  /** 经办人 of a handling unit. */
  z.strictObject({ role: z.literal('officer'), id: Id, unitId: Id }),
  /** 提案者: a member (委员) who filed or co-signed the proposal. */
  z.strictObject({ role: z.literal('proposer'), id: Id }),
  /** 领衔督办: a leader (a vice-chair of the CPPCC, a vice-mayor) who supervises key proposals. */
  z.strictObject({ role: z.literal('leader'), id: Id }),
  /** 督查室: the government's supervision office, over the proposals its units handle. */
  z.strictObject({ role: z.literal('supervisionOffice'), id: Id }),
]);
export type Actor = z.infer<typeof ActorSchema>;
/** Every role a person of the directory may have. */
export const RoleSchema = z.enum(['committee', 'officer', 'proposer', 'leader', 'supervisionOffice']);


/** The unit whose reply an action concerns; needed only when units handle separately (分办). */
const replyUnit = { unitId: Id.optional() };

export const ReviewOutcomeSchema = z.discriminatedUnion('outcome', [
  z.strictObject({ outcome: z.literal('register') }),
  z.strictObject({ outcome: z.literal('merge'), intoNumber: z.number().int().min(1), reason: text(2000) }),
  z.strictObject({ outcome: z.literal('notRegister'), reason: text(2000) }),
  z.strictObject({ outcome: z.literal('convertToReport'), reason: text(2000) }),
]);

export const ReassignmentDecisionSchema = z.discriminatedUnion('decision', [
  z.strictObject({ decision: z.literal('keep'), reason: text(2000) }),
  z.strictObject({ decision: z.literal('reassign'), assignment: AssignmentSchema, reason: text(2000) }),
]);

export const ReplyReviewSchema = z.discriminatedUnion('decision', [
  z.strictObject({
    decision: z.literal('accept'),
    correctedClass: z.string().regex(/^[A-Z]$/).optional(),
    comments: text(2000).optional(),
  }),
  z.strictObject({ decision: z.literal('return'), comments: text(2000) }),
]);

const commitmentNo = z.number().int().min(1).max(99);

/** What each action carries besides who takes it: the HTTP request bodies are exactly these. */
export const CommandBodies = {
  review: z.strictObject({ review: ReviewOutcomeSchema }),
  assign: z.strictObject({ assignment: AssignmentSchema }),
  requestReassignment: z.strictObject({ reason: text(2000) }),
  decideReassignment: z.strictObject({ unitId: Id, decision: ReassignmentDecisionSchema }),
  submitOpinion: z.strictObject({ text: text(20000) }),
  recordContact: z.strictObject({ contact: ContactSchema }),
  draftReply: z.strictObject({ draft: ReplyDraftSchema }),
  /** `signer`: who signs for the unit, when the draft names it a co-issuer (联合答复); absent otherwise. */
  countersign: z.strictObject({ signer: SignerSchema.optional() }),
  requestChanges: z.strictObject({ comments: text(5000) }),
  releaseCountersign: z.strictObject({ unitId: Id, reason: text(2000) }),
  submitReply: z.strictObject({}),
  reviewReply: z.strictObject({ ...replyUnit, review: ReplyReviewSchema }),
  issueReply: z.strictObject({ signer: SignerSchema }),
  evaluate: z.strictObject({ ...replyUnit, rating: RatingSchema, comments: text(2000).optional() }),
  decideRehandling: z.strictObject({ ...replyUnit, decision: z.enum(['sendBack', 'acceptRating']), note: text(2000) }),
  recordConsultation: z.strictObject({ ...replyUnit, occurredAt: Instant, summary: text(5000) }),
  reportFollowUp: z.strictObject({ ...replyUnit, commitmentNo, progress: text(5000), done: z.boolean() }),
  declareUndeliverable: z.strictObject({ ...replyUnit, commitmentNo, reason: text(2000) }),
  closeCommitment: z.strictObject({ ...replyUnit, commitmentNo, decision: z.enum(['accept', 'reject']).default('accept'), reason: text(2000) }),
  submitAnnualSummary: z.strictObject({ ...replyUnit, text: text(20000) }),
  recordLookBack: z.strictObject({ summary: text(20000) }),
  extendReplyDeadline: z.strictObject({ ...replyUnit, months: z.number().int().min(1).max(12), reason: text(2000) }),
  requestExtension: z.strictObject({ months: z.number().int().min(1).max(12), reason: text(2000) }),
  withdraw: z.strictObject({ reason: text(2000) }),
  answerCosigning: z.strictObject({ decision: z.enum(['confirm', 'decline']) }),
  decidePublication: z.strictObject({
    publication: z.discriminatedUnion('decision', [
      z.strictObject({ decision: z.literal('full') }),
      z.strictObject({ decision: z.literal('summary'), summary: text(5000) }),
      /** State secrets, commercial secrets or personal privacy: the reason is recorded. */
      z.strictObject({ decision: z.literal('withheld'), reason: text(2000) }),
    ]),
  }),
  markKey: z.strictObject({
    leaders: z.array(Id).min(1).max(5).refine((ids) => new Set(ids).size === ids.length, 'must not name a leader twice'),
    memberInCharge: text(50),
    reason: text(2000),
  }),
  submitHandlingPlan: z.strictObject({ text: text(20000) }),
  recordSupervisionMeeting: z.strictObject({
    occurredAt: Instant,
    form: z.enum(['meeting', 'siteVisit', 'consultation']),
    participants: z.array(text(100)).min(1).max(50),
    conclusions: text(5000),
  }),
  decideWithdrawal: z.strictObject({ decision: z.enum(['consent', 'refuse']), reason: text(2000) }),
  objectToReview: z.strictObject({ reason: text(2000) }),
  decideObjection: z.strictObject({ decision: z.enum(['register', 'keep']), reason: text(2000) }),
  decideExtension: z.strictObject({ ...replyUnit, decision: z.enum(['grant', 'refuse']), reason: text(2000) }),
};
export type CommandType = keyof typeof CommandBodies;

/** Who may take each action; whether this unit or proposer may, on this proposal, is decided by the rules. */
export const COMMAND_ROLES: Record<CommandType, readonly Actor['role'][]> = {
  review: ['committee'],
  assign: ['committee'],
  requestReassignment: ['officer'],
  decideReassignment: ['committee'],
  submitOpinion: ['officer'],
  recordContact: ['officer'],
  draftReply: ['officer'],
  countersign: ['officer'],
  requestChanges: ['officer'],
  releaseCountersign: ['committee'],
  submitReply: ['officer'],
  reviewReply: ['committee', 'supervisionOffice'],
  issueReply: ['officer'],
  evaluate: ['proposer'],
  decideRehandling: ['committee'],
  recordConsultation: ['committee'],
  reportFollowUp: ['officer'],
  declareUndeliverable: ['officer'],
  closeCommitment: ['committee'],
  submitAnnualSummary: ['officer'],
  recordLookBack: ['committee'],
  extendReplyDeadline: ['committee'],
  requestExtension: ['officer'],
  withdraw: ['proposer'],
  answerCosigning: ['proposer'],
  decidePublication: ['officer'],
  markKey: ['committee'],
  submitHandlingPlan: ['officer'],
  recordSupervisionMeeting: ['leader', 'committee'],
  decideWithdrawal: ['committee'],
  decideExtension: ['committee'],
  objectToReview: ['proposer'],
  decideObjection: ['committee'],
};

function command<T extends CommandType, S extends z.ZodRawShape>(type: T, body: z.ZodObject<S, z.core.$strict>) {
  return z.strictObject({ type: z.literal(type), actor: ActorSchema, ...body.shape });
}

export const CommandSchema = z.discriminatedUnion('type', [
  command('review', CommandBodies.review),
  command('assign', CommandBodies.assign),
  command('requestReassignment', CommandBodies.requestReassignment),
  command('decideReassignment', CommandBodies.decideReassignment),
  command('submitOpinion', CommandBodies.submitOpinion),
  command('recordContact', CommandBodies.recordContact),
  command('draftReply', CommandBodies.draftReply),
  command('countersign', CommandBodies.countersign),
  command('requestChanges', CommandBodies.requestChanges),
  command('releaseCountersign', CommandBodies.releaseCountersign),
  command('submitReply', CommandBodies.submitReply),
  command('reviewReply', CommandBodies.reviewReply),
  command('issueReply', CommandBodies.issueReply),
  command('evaluate', CommandBodies.evaluate),
  command('decideRehandling', CommandBodies.decideRehandling),
  command('recordConsultation', CommandBodies.recordConsultation),
  command('reportFollowUp', CommandBodies.reportFollowUp),
  command('declareUndeliverable', CommandBodies.declareUndeliverable),
  command('closeCommitment', CommandBodies.closeCommitment),
  command('submitAnnualSummary', CommandBodies.submitAnnualSummary),
  command('recordLookBack', CommandBodies.recordLookBack),
  command('extendReplyDeadline', CommandBodies.extendReplyDeadline),
  command('requestExtension', CommandBodies.requestExtension),
  command('withdraw', CommandBodies.withdraw),
  command('answerCosigning', CommandBodies.answerCosigning),
  command('decidePublication', CommandBodies.decidePublication),
  command('markKey', CommandBodies.markKey),
  command('submitHandlingPlan', CommandBodies.submitHandlingPlan),
  command('recordSupervisionMeeting', CommandBodies.recordSupervisionMeeting),
  command('decideWithdrawal', CommandBodies.decideWithdrawal),
  command('decideExtension', CommandBodies.decideExtension),
  command('objectToReview', CommandBodies.objectToReview),
  command('decideObjection', CommandBodies.decideObjection),
]);

export type Command = z.infer<typeof CommandSchema>;

const COMMAND_TYPES = Object.keys(CommandBodies) as [CommandType, ...CommandType[]];

/** The choices a form may offer for an action, as the rule that judges it would accept them now. */
export const OfferDetailsSchema = z.object({
  /** The reply classes of the pinned policy's scheme (drafting, review). */
  classes: z.array(ReplyClassSchema).optional(),
  /** The signer levels this reply may be issued at (a key proposal: the head). */
  signerLevels: z.array(SignerLevelSchema).optional(),
  /** The commitments the action may name. */
  commitments: z.array(z.object({ no: z.number().int(), title: z.string() })).optional(),
  /** The decisions open on a reassignment request: reassigning ends once a reply is past drafting. */
  decisions: z.array(z.enum(['keep', 'reassign'])).optional(),
  /** The most months the reply period may still be extended by. */
  maxMonths: z.number().int().optional(),
  /** The last day of the window in which the action may be taken (Beijing date). */
  until: z.string().optional(),
  /** The year an annual summary is owed for. */
  year: z.number().int().optional(),
  /** Whether the assignment may name 协办 units (an opinion only), as the policy sets roles per assignment. */
  assisting: z.boolean().optional(),
  /** The co-handlers (会办) a joint reply may be co-issued with (联合答复). */
  coIssuers: z.array(z.string()).optional(),
  /** Everyone the reply is addressed to, merged proposals' proposers included (the salutation names them all). */
  recipients: z.array(z.string()).optional(),
});
export type OfferDetails = z.infer<typeof OfferDetailsSchema>;

/** An action the caller may take now on the proposal; `unitId` names the reply or unit it concerns and goes in its body. */
export const AllowedActionSchema = OfferDetailsSchema.extend({
  action: z.enum(COMMAND_TYPES),
  unitId: z.string().optional(),
});
export type AllowedAction = z.infer<typeof AllowedActionSchema>;

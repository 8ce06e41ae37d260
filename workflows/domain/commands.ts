/**
 * What people ask the proposal to do. The actor is set by whoever authenticated the caller
 * (the API), never chosen by the caller. The zod schema is the only definition of the shapes.
 */
import { z } from 'zod';
import { AssignmentSchema, ContactSchema, Id, Instant, RatingSchema, ReplyDraftSchema, SignerSchema, text } from './contracts';

export const ActorSchema = z.discriminatedUnion('role', [
  /** 提案委员会: reviews, assigns, supervises, judges results. */
  z.strictObject({ role: z.literal('committee'), id: Id }),
  /** 经办人 of a handling unit. */
  z.strictObject({ role: z.literal('officer'), id: Id, unitId: Id }),
  /** 提案者: a member (委员) who filed or co-signed the proposal. */
  z.strictObject({ role: z.literal('proposer'), id: Id }),
]);
export type Actor = z.infer<typeof ActorSchema>;

/** Events that time, not a person, causes are recorded as done by the clock. */
export type EventActor = Actor | { role: 'clock'; id: 'clock' };

const command = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) =>
  z.strictObject({ type: z.literal(type), actor: ActorSchema, ...shape });

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

export const CommandSchema = z.discriminatedUnion('type', [
  command('review', { review: ReviewOutcomeSchema }),
  command('assign', { assignment: AssignmentSchema }),
  command('requestReassignment', { reason: text(2000) }),
  command('decideReassignment', { unitId: Id, decision: ReassignmentDecisionSchema }),
  command('submitOpinion', { text: text(20000) }),
  command('recordContact', { contact: ContactSchema }),
  command('draftReply', { draft: ReplyDraftSchema }),
  command('countersign', {}),
  command('requestChanges', { comments: text(5000) }),
  command('submitReply', {}),
  command('reviewReply', { ...replyUnit, review: ReplyReviewSchema }),
  command('issueReply', { signer: SignerSchema }),
  command('evaluate', { ...replyUnit, rating: RatingSchema, comments: text(2000).optional() }),
  command('recordConsultation', { ...replyUnit, occurredAt: Instant, summary: text(5000) }),
  command('reportFollowUp', { commitmentNo: z.number().int().min(1), progress: text(5000), done: z.boolean() }),
  command('closeCommitment', { ...replyUnit, commitmentNo: z.number().int().min(1), reason: text(2000) }),
  command('extendReplyDeadline', { ...replyUnit, months: z.number().int().min(1).max(12), reason: text(2000) }),
]);

export type Command = z.infer<typeof CommandSchema>;
export type CommandType = Command['type'];
export type CommandOf<T extends CommandType> = Extract<Command, { type: T }>;

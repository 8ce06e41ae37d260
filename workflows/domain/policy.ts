/**
 * A handling policy: the periods, class scheme, signer rules and calendar that vary from place
 * to place (the [config] items of DOMAIN.md). It is passed to a proposal's workflow when it
 * starts and pinned there, so a running proposal keeps the rules it started under.
 */
import { z } from 'zod';
import { CalendarSchema, PeriodSchema } from './calendar';

export const ReplyClassSchema = z.strictObject({
  code: z.string().regex(/^[A-Z]$/),
  label: z.string().min(1),
});

export const HandlingPolicySchema = z.strictObject({
  $comment: z.string().optional(),
  id: z.string().min(1),
  name: z.string().min(1),
  periods: z.strictObject({
    /** 交办异议: a unit may ask to be reassigned within this window. */
    reassignmentWindow: PeriodSchema,
    /** 会办意见: co-handlers' written opinions to the lead unit. */
    coHandlerOpinion: PeriodSchema,
    /** 办前面商: first contact with the proposers. */
    contactBeforeHandling: PeriodSchema,
    /** 会签: each co-handler countersigns or asks for changes. */
    countersign: PeriodSchema,
    /** 答复: from assignment. */
    reply: PeriodSchema,
    /** 评价: proposers rate within this window; silence is no rating. */
    evaluation: PeriodSchema,
    /** 重新办理: a new reply after 不满意. */
    rehandling: PeriodSchema,
    /** 跟踪办理: a progress report per open commitment. */
    followUpReport: PeriodSchema,
  }),
  /** How long each commitment is followed up before it lapses unreported (跟踪办理期限). */
  followUpLimit: PeriodSchema,
  /** Deadline alerts: a warning before each due date, then, while overdue, an escalation ladder. */
  alerts: z.strictObject({
    warnBefore: PeriodSchema,
    /** Each rung fires this long after the due date passed, to a wider audience (督办). */
    escalation: z
      .array(z.strictObject({ after: PeriodSchema, audience: z.enum(['unitHead', 'committee', 'assessment']) }))
      .max(5),
  }),
  /** The committee may extend the reply period, with a reason, up to this many months in all. */
  maxReplyMonths: z.number().int().min(1).max(24),
  /** Move a due date that falls on a day off to the next working day. */
  rollDueToWorkingDay: z.boolean(),
  /** Contacts with proposers needed before a reply may be drafted. */
  minContactsBeforeReply: z.number().int().min(0).max(10),
  /** Rounds of re-handling after 不满意 before the committee arranges a consultation. */
  maxRehandlingRounds: z.number().int().min(0).max(5),
  signer: z.strictObject({
    levels: z.array(z.enum(['head', 'deputy'])).min(1),
    keyProposalLevels: z.array(z.enum(['head', 'deputy'])).min(1),
  }),
  classScheme: z.array(ReplyClassSchema).min(1).max(26),
  calendar: CalendarSchema,
});

export type HandlingPolicy = z.infer<typeof HandlingPolicySchema>;
export type ReplyClass = z.infer<typeof ReplyClassSchema>;

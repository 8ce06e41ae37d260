/**
 * A handling policy: the periods, class scheme, signer rules and calendar that vary from place
 * to place (the [config] items of DOMAIN.md). It is passed to a proposal's workflow when it
 * starts and pinned there, so a running proposal keeps the rules it started under.
 */
import { z } from 'zod';
import { type CalendarYear, CalendarSchema, PeriodSchema, withYear } from './calendar';
import { IsoDate } from './contracts';
import { EscalationAudienceSchema, SignerLevelSchema } from './vocabulary';

const MonthDay = z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'must be a date MM-DD');

export const ReplyClassSchema = z.strictObject({
  code: z.string().regex(/^[A-Z]$/),
  label: z.string().min(1),
  /**
   * What follow-up the class needs (DOMAIN.md 13): `required` — the reply lists its commitments and
   * each is followed up (B: being solved or planned); `allowed` — what is unfinished is listed and
   * followed up (A); `none` — nothing is promised, nothing followed up (C: kept for reference).
   * Absent in schemes pinned before: any reply may list commitments or none.
   */
  commitments: z.enum(['required', 'allowed', 'none']).optional(),
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
    /** 跟踪办理: a progress report per open commitment, due every period from the reply. */
    followUpReport: PeriodSchema,
    /** The committee decides on an 不满意 rating: send it back, or accept the rating with a note. */
    rehandlingDecision: PeriodSchema.default({ unit: 'workingDays', count: 5 }),
    /**
     * 协商: after a second 不满意 the committee holds a consultation within this period. Null for
     * proposals pinned before it was a duty: they keep waiting without a due date, as they did.
     */
    consultation: PeriodSchema.nullable().default({ unit: 'months', count: 1 }),
    /**
     * 答复公开: each issued reply's unit decides within this period whether it is published (full
     * text, summary, or withheld with a reason). Null for proposals pinned before: they close without it.
     */
    publicationDecision: PeriodSchema.nullable().default({ unit: 'workingDays', count: 20 }),
    /**
     * 不立案异议: the lead signer may object to 不立案 within this period, and the committee reviews
     * again. Null for proposals pinned before: 不立案 ended them at once.
     */
    reviewObjection: PeriodSchema.nullable().default({ unit: 'workingDays', count: 10 }),
    /** 办理方案: a key proposal's replying units send their handling plan within this period of its selection. */
    handlingPlan: PeriodSchema.default({ unit: 'months', count: 1 }),
  }),
  /**
   * By the end of this period after the reply each commitment is delivered, or declared
   * undeliverable with a reason; one that is neither is overdue and reported to the committee.
   */
  followUpLimit: PeriodSchema.default({ unit: 'months', count: 24 }),
  /** Who may go on when a co-handler stays silent (DOMAIN.md 会办, 会签). */
  coHandling: z
    .strictObject({
      /** Once a co-handler's opinion period has passed, the lead unit may draft without it. */
      draftWithoutOverdueOpinions: z.boolean(),
      /** The committee may release a countersign that is overdue, with a reason. */
      committeeReleasesOverdueCountersign: z.boolean(),
    })
    .default({ draftWithoutOverdueOpinions: true, committeeReleasesOverdueCountersign: true }),
  /**
   * Roles among co-handlers (DOMAIN.md, the committee's year). `assisting`: every co-handler
   * countersigns (`allCountersign`), or each assignment may name 协办 units that send an opinion only
   * (`perAssignment`). `coIssuing`: a joint reply's co-issuers are co-handlers named by id, each
   * signing at `signer.coIssuedLevels` (`byUnit`), or, as drafts pinned before, free text.
   */
  coHandlerRoles: z
    .strictObject({ assisting: z.enum(['allCountersign', 'perAssignment']), coIssuing: z.enum(['byUnit', 'freeText']) })
    .default({ assisting: 'perAssignment', coIssuing: 'byUnit' }),
  /** 不满意: the committee sends the reply back (DOMAIN.md), or, where a place does so, it goes back by itself. */
  rehandling: z.enum(['committeeDecides', 'automatic']).default('committeeDecides'),
  /** Which rating of a joint proposal counts for 满意率: the lowest (default) or the lead signer's. */
  satisfactionBasis: z.enum(['lowest', 'leadSigner']).default('lowest'),
  /**
   * Dates as MM-DD: each unit with open commitments sends an annual summary before
   * `annualSummaryBefore` every year, and the committee checks open commitments (回头看) before
   * `lookBackBefore` of the year after assignment, ahead of the next session.
   */
  annualSummaryBefore: MonthDay.default('10-10'),
  /**
   * 办理工作总结: one per unit per year over all its proposals (DOMAIN.md, the committee's year), or,
   * as proposals pinned before it had it, one per proposal from each unit with open commitments.
   */
  annualSummary: z.enum(['perUnit', 'perProposal']).default('perUnit'),
  lookBackBefore: MonthDay.default('01-01'),
  /** Deadline alerts: a warning before each due date, then, while overdue, an escalation ladder. */
  alerts: z.strictObject({
    warnBefore: PeriodSchema,
    /** Each rung fires this long after the due date passed, to a wider audience (督办). */
    escalation: z
      .array(z.strictObject({ after: PeriodSchema, audience: EscalationAudienceSchema }))
      .max(5),
  }).default({
    warnBefore: { unit: 'workingDays', count: 3 },
    escalation: [
      { after: { unit: 'workingDays', count: 5 }, audience: 'unitHead' },
      { after: { unit: 'workingDays', count: 10 }, audience: 'committee' },
      { after: { unit: 'workingDays', count: 20 }, audience: 'assessment' },
    ],
  }),
  /**
   * Other deadline forms (DOMAIN.md): every first reply by a fixed date for the whole session
   * (Sanmenxia 2023: 30 September), instead of the reply period; an extension moves it by its months.
   */
  replyBy: IsoDate.nullable().default(null),
  /**
   * 联名: a member's joint proposal counts each co-signer once they confirm; one who declines, or
   * has not answered when the committee reviews it, is left out. Pinned before: co-signers counted as filed.
   */
  cosignerConfirmation: z.boolean().default(true),
  /** The draft's salutation names every recipient, the proposers of merged proposals too (checked at drafting). */
  salutationNamesEveryRecipient: z.boolean().default(true),
  /** A co-handler's opinion due this many calendar days before the reply it feeds, instead of its period from assignment. */
  opinionDaysBeforeReply: z.number().int().min(1).max(120).nullable().default(null),
  /** The reply period may be extended, with a reason, up to this many months in all. */
  maxReplyMonths: z.number().int().min(1).max(24),
  /** Who reviews replies before they are issued: the committee, or where a place says so, the supervision office (督查室) too. */
  replyReviewers: z.enum(['committee', 'committeeOrSupervisionOffice']).default('committee'),
  /**
   * Who starts an extension: the unit asks before its reply is due and the committee grants or
   * refuses (DOMAIN.md, the committee's year), or the committee extends on its own, as proposals
   * pinned before this item did.
   */
  extensions: z.enum(['unitRequests', 'committeeExtends']).default('unitRequests'),
  /** Move a due date that falls on a day off to the next working day. */
  rollDueToWorkingDay: z.boolean(),
  /** Contacts with proposers needed before a reply may be drafted. */
  minContactsBeforeReply: z.number().int().min(0).max(10),
  /** Rounds of re-handling after 不满意 before the committee arranges a consultation. */
  maxRehandlingRounds: z.number().int().min(0).max(5),
  signer: z.strictObject({
    levels: z.array(SignerLevelSchema).min(1),
    keyProposalLevels: z.array(SignerLevelSchema).min(1),
    /** 联合答复: each co-issuing unit's signer (each head signs). */
    coIssuedLevels: z.array(SignerLevelSchema).min(1).default(['head']),
  }),
  classScheme: z.array(ReplyClassSchema).min(1).max(26),
  calendar: CalendarSchema,
  /**
   * How the rules themselves run where the audit changed them. A policy file leaves these to their
   * defaults; proposals begun before the audited rules (patched 'audited-rules') pin the values
   * they ran under (`pinnedPolicy`).
   */
  ruleset: z
    .strictObject({
      /** An extension lengthens the months counted from assignment, or (before) moves the due date itself. */
      extensionMoves: z.enum(['period', 'dueDate']),
      /** A report on each open commitment every period from the reply, or (before) one at a time, each period from the last report. */
      followUpReports: z.enum(['everyPeriod', 'fromLastReport']),
      /** Each round of re-handling owes a reply duty of its own, or (before) one reply duty ran on. */
      replyDutyPerRound: z.boolean(),
      /** 回头看 is the committee's duty before the next session (before: it was not recorded). */
      lookBack: z.boolean(),
      /** Reassigned only while every reply is drafted, changing only the units named; or (before) at any stage, starting again. */
      reassignment: z.enum(['whileDraftedNamedUnits', 'anyStageAfresh']),
      /** The committee accepts a unit's declaration that a commitment cannot be kept; or (before) closes any open one, and the clock lapses the rest at the follow-up limit. */
      commitmentClosing: z.enum(['declaredByUnit', 'committeeOrClock']),
      /** An alert's key names its duty's due instant, or (before) its due date. */
      alertKeys: z.enum(['dueInstant', 'dueDate']),
    })
    .default({ extensionMoves: 'period', followUpReports: 'everyPeriod', replyDutyPerRound: true, lookBack: true, reassignment: 'whileDraftedNamedUnits', commitmentClosing: 'declaredByUnit', alertKeys: 'dueInstant' }),
});

export type HandlingPolicy = z.infer<typeof HandlingPolicySchema>;
export type ReplyClass = z.infer<typeof ReplyClassSchema>;

/**
 * The policy a proposal pinned at its start, with the defaults of any item added since (it was
 * pinned before the item existed), and, when the proposal runs under the rules it began with
 * (`legacy`), those rules as values. Not parsed again: the oldest pinned policies lack items that
 * were required since.
 */
export function pinnedPolicy(pinned: HandlingPolicy, legacy: boolean): HandlingPolicy {
  const shape = HandlingPolicySchema.shape;
  return {
    ...pinned,
    periods: {
      ...pinned.periods,
      rehandlingDecision: pinned.periods.rehandlingDecision ?? shape.periods.shape.rehandlingDecision.parse(undefined),
      consultation: pinned.periods.consultation ?? null,
      publicationDecision: pinned.periods.publicationDecision ?? null,
      reviewObjection: pinned.periods.reviewObjection ?? null,
      handlingPlan: pinned.periods.handlingPlan ?? shape.periods.shape.handlingPlan.parse(undefined),
    },
    followUpLimit: pinned.followUpLimit ?? shape.followUpLimit.parse(undefined),
    alerts: pinned.alerts ?? shape.alerts.parse(undefined),
    // Pinned before roles among co-handlers: every co-handler countersigned, the header was free text.
    coHandlerRoles: pinned.coHandlerRoles ?? { assisting: 'allCountersign', coIssuing: 'freeText' },
    signer: { ...pinned.signer, coIssuedLevels: pinned.signer.coIssuedLevels ?? shape.signer.shape.coIssuedLevels.parse(undefined) },
    coHandling: legacy ? BEFORE_THE_AUDIT.coHandling : (pinned.coHandling ?? shape.coHandling.parse(undefined)),
    rehandling: legacy ? BEFORE_THE_AUDIT.rehandling : (pinned.rehandling ?? shape.rehandling.parse(undefined)),
    satisfactionBasis: pinned.satisfactionBasis ?? shape.satisfactionBasis.parse(undefined),
    annualSummaryBefore: pinned.annualSummaryBefore ?? shape.annualSummaryBefore.parse(undefined),
    lookBackBefore: pinned.lookBackBefore ?? shape.lookBackBefore.parse(undefined),
    // Pinned before the unit's yearly summary: each proposal asked its own.
    annualSummary: pinned.annualSummary ?? 'perProposal',
    replyBy: pinned.replyBy ?? null,
    // Pinned before the salutation was checked: drafts took it as free text.
    salutationNamesEveryRecipient: pinned.salutationNamesEveryRecipient ?? false,
    opinionDaysBeforeReply: pinned.opinionDaysBeforeReply ?? null,
    cosignerConfirmation: pinned.cosignerConfirmation ?? false,
    replyReviewers: pinned.replyReviewers ?? 'committee',
    // Pinned before units asked for extensions: the committee went on extending by itself.
    extensions: pinned.extensions ?? 'committeeExtends',
    ruleset: legacy ? BEFORE_THE_AUDIT.ruleset : (pinned.ruleset ?? shape.ruleset.parse(undefined)),
  };
}

/** The rules as proposals begun before the audited rules ran them, values like any other. */
const BEFORE_THE_AUDIT = {
  ruleset: { extensionMoves: 'dueDate', followUpReports: 'fromLastReport', replyDutyPerRound: false, lookBack: false, reassignment: 'anyStageAfresh', commitmentClosing: 'committeeOrClock', alertKeys: 'dueDate' },
  coHandling: { draftWithoutOverdueOpinions: false, committeeReleasesOverdueCountersign: false },
  rehandling: 'automatic',
} as const satisfies Pick<HandlingPolicy, 'ruleset' | 'coHandling' | 'rehandling'>;

/** The pinned policy with the calendar years added since the proposal began. */
export function withCalendarYears(policy: HandlingPolicy, years: CalendarYear[]): HandlingPolicy {
  return years.length === 0 ? policy : { ...policy, calendar: years.reduce(withYear, policy.calendar) };
}

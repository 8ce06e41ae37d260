/**
 * The words the rules, the API and the read model share: each enum and the alert's shape are
 * defined once here, as zod schemas, so the HTTP contracts reuse them instead of spelling them
 * out again. Depends on nothing else in the domain, which keeps events, alerts, duties and state
 * free of import circles.
 */
import { z } from 'zod';
export { DUTY_NAME_ZH } from './chinese-names';

/** Everything someone owes on a proposal, and the windows in which a right may be used. */
export const DutyKindSchema = z.enum([
  'reassignmentWindow', // 交办异议: a right, not owed
  'coHandlerOpinion', // 会办意见
  'contactBeforeHandling', // 办前面商
  'countersign', // 会签
  'reply', // 答复 (and 重新办理's new reply)
  'evaluation', // 评价: a proposer's window
  'rehandlingDecision', // the committee decides on 不满意
  'consultation', // 协商: the committee meets the proposers after a second 不满意
  'handlingPlan', // 办理方案 of a key proposal
  'publicationDecision', // 答复公开: full text, summary, or withheld with a reason
  'followUpReport', // 跟踪办理: one per commitment per period
  'annualSummary', // the yearly summary of open commitments
  'commitmentDelivery', // a commitment delivered, or declared undeliverable, by the follow-up limit
  'lookBack', // 回头看: the committee checks open commitments before the next session
  'reviewObjection', // 不立案异议: the lead signer's window to object to 不立案 (a right, not owed)
  'objectionReview', // the committee reviews the proposal again on an objection
]);
export type DutyKind = z.infer<typeof DutyKindSchema>;


/** The duties that count in 按时办结率 (DOMAIN.md, Supervision): what a unit owes and does. */
export const ON_TIME_DUTIES: readonly DutyKind[] = ['coHandlerOpinion', 'countersign', 'contactBeforeHandling', 'reply', 'followUpReport', 'annualSummary', 'handlingPlan', 'publicationDecision'];

/** 答复公开: the whole reply, a summary of it, or not published (state secrets, commercial secrets, personal privacy). */
export const PublicationSchema = z.enum(['full', 'summary', 'withheld']);

/** Alerts for operators that no duty raises: the holiday calendar running out, a projection PostgreSQL refused. */
export const OperatorAlertSchema = z.enum(['calendarCoverage', 'projectionRejected']);

export const UrgencySchema = z.enum(['onTime', 'dueSoon', 'overdue']);
export type Urgency = z.infer<typeof UrgencySchema>;

export const AlertKindSchema = z.enum(['warning', 'overdue', 'escalation']);
export type AlertKind = z.infer<typeof AlertKindSchema>;

/** Who is told: the officer who owes it, the unit's head (催办通知), the committee (通报), the assessment list. */
export const AudienceSchema = z.enum(['officer', 'proposer', 'unitHead', 'committee', 'assessment']);
export type Audience = z.infer<typeof AudienceSchema>;
export const EscalationAudienceSchema = AudienceSchema.extract(['unitHead', 'committee', 'assessment']);

/** 主要负责人 (head) or 分管负责人 (deputy in charge). */
export const SignerLevelSchema = z.enum(['head', 'deputy']);

export const RatingSchema = z.enum(['satisfied', 'basicallySatisfied', 'unsatisfied']);
export type Rating = z.infer<typeof RatingSchema>;

/** The lowest of some ratings (the schema lists them best first), or null when none was given. */
export const lowestRating = (ratings: (Rating | null)[]): Rating | null =>
  ratings.reduce<Rating | null>((worst, r) => (r === null ? worst : worst === null || RatingSchema.options.indexOf(r) > RatingSchema.options.indexOf(worst) ? r : worst), null);

/** A commitment is open until delivered, or declared undeliverable by the unit and accepted by the committee. */
export const CommitmentStatusSchema = z.enum(['open', 'delivered', 'declaredUndeliverable', 'undeliverable', 'lapsed']);
export type CommitmentStatus = z.infer<typeof CommitmentStatusSchema>;
/** Still to be delivered: open, or declared undeliverable while the committee decides. */
export const OPEN_COMMITMENT: CommitmentStatus[] = ['open', 'declaredUndeliverable'];

export const AlertSchema = z.object({
  key: z.string(),
  dutyKey: z.string(),
  dutyKind: DutyKindSchema,
  kind: AlertKindSchema,
  /** 0 for the warning and the overdue alert; 1.. for each rung of the ladder. */
  level: z.number().int(),
  audience: AudienceSchema,
  unitId: z.string().nullable(),
  proposerId: z.string().nullable(),
  commitmentNo: z.number().int().nullable(),
  dueDate: z.string(),
  dueAt: z.string(),
  /** When it is to be raised. */
  at: z.string(),
});
export type Alert = z.infer<typeof AlertSchema>;

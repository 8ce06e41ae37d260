/**
 * The API's request and response shapes that are not commands: zod schemas, the single source of
 * the TypeScript types, the validation, and the OpenAPI document.
 */
import { z } from 'zod';
import { ChannelSchema, ContactDetailsSchema, UnitHeadSchema } from '../../common/contact-preferences';
import { policies } from '../../../seeds/policy';
import { AllowedActionSchema, RoleSchema } from '../../../workflows/domain/commands';
import { ProposalStateSchema } from '../../../workflows/domain/state';
import { RecordedEventSchema } from '../../../workflows/domain/events';
import { Id, IntakeSchema, IsoDate, SessionSchema, text } from '../../../workflows/domain/contracts';
import { AlertSchema, DutyKindSchema, OperatorAlertSchema, UrgencySchema } from '../../../workflows/domain/vocabulary';
import { CalendarYearDaysSchema } from '../../../workflows/domain/calendar';

export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    instance: z.string(),
    requestId: z.string(),
  });

/** Signing in to the console: the account is the person's ID in the directory. */
export const SignInSchema = z.strictObject({ account: Id, password: z.string().min(1, 'must not be empty').max(200) });
export const ConsoleSessionSchema = z.object({
  principal: z.object({ id: z.string(), name: z.string(), role: RoleSchema, unitId: z.string().optional() }),
  /** Sent back as the X-CSRF-Token header on every request that changes something. */
  csrfToken: z.string().optional(),
  expiresAt: z.string().optional(),
  /** For the committee: the Temporal web UI's workflows of this namespace (append a workflow ID). */
  temporalWorkflows: z.string().optional(),
});

/** 人员与单位: the directory the committee keeps. */
export const DirectoryParamSchema = z.strictObject({ id: Id });
/** `head`: who the 催办通知书 reaches; `responsibilities`: its 三定 functions (职责), which 智能交办 matches proposals against. Left out, the unit keeps what it has; null removes it. */
export const UnitSchema = z.strictObject({
  name: text(100),
  kind: z.enum(['committee', 'bureau']),
  head: UnitHeadSchema.nullable().optional(),
  responsibilities: text(4000).nullable().optional(),
});
/** `contact`: how the person is reached; left out, the person keeps what they have. */
export const PersonSchema = z.discriminatedUnion('role', [
  z.strictObject({ role: z.literal('officer'), name: text(50), unitId: Id, active: z.boolean().default(true), contact: ContactDetailsSchema.optional() }),
  z.strictObject({ role: RoleSchema.exclude(['officer']), name: text(50), active: z.boolean().default(true), contact: ContactDetailsSchema.optional() }),
]);
export const PasswordResetSchema = z.strictObject({ password: z.string().min(10, 'must be at least 10 characters').max(200) });
const DirectoryUnitSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(['committee', 'bureau']),
  head: UnitHeadSchema.nullable(),
  responsibilities: z.string().nullable(),
  successorId: z.string().nullable().describe('机构改革: the unit it was merged into or renamed as; its open work is the successor’s.'),
});
/** 机构改革: the unit was merged into, or renamed as, the successor, on a date already past or today. */
export const SuccessionBodySchema = z.strictObject({
  successorId: Id,
  kind: z.enum(['merged', 'renamed']),
  effectiveOn: IsoDate,
  reason: text(500),
});
export const SuccessionResultSchema = SuccessionBodySchema.extend({
  unitId: z.string(),
  runningProposalsTold: z.number().int().describe('Running proposals the unit handles, told to pass its open work to the successor.'),
  leftToTheCommittee: z.array(z.string()).describe('Running proposals the successor already handles too: the committee reassigns them itself.'),
});
/** Units by name, for pickers and for showing a unit by its name rather than its id. */
export const UnitListSchema = z.array(DirectoryUnitSchema);
export const LeaderListSchema = z.array(z.object({ id: z.string(), name: z.string() }));

export const DirectoryListSchema = z.object({
  units: UnitListSchema,
  people: z.array(z.object({ id: z.string(), name: z.string(), role: z.string(), unitId: z.string().nullable(), active: z.boolean(), hasPassword: z.boolean(), locked: z.boolean(), contact: ContactDetailsSchema })),
});

/**
 * A log read newest first, a page at a time: the next page starts below the last entry seen (its
 * id), so entries added meanwhile neither shift nor repeat what follows.
 */
const OlderPageQuery = {
  limit: z.coerce.number().int().min(1).max(500).default(100),
  before: z.string().regex(/^[1-9][0-9]{0,17}$/, 'must be the `next` of the page before').optional().describe('the entries older than this one: the `next` of the page before'),
};
const NextPage = z.string().nullable().describe('pass as `before` for the older entries; null on the last page');

/** A notice that has not reached its recipient: what, to whom, over which channel, tried how often and why it failed. */
export const NoticeQuerySchema = z.strictObject({
  state: z.enum(['failing', 'waiting', 'delivered']).default('failing').describe('failing: tried and not delivered; waiting: not yet tried (quiet hours, backoff); delivered'),
  ...OlderPageQuery,
});
export const NoticeListSchema = z.object({
  next: NextPage,
  items: z.array(
    z.object({
      id: z.string(),
      source: z.string().describe('alert:<alert id> or digest:<date>'),
      proposalId: z.string().nullable(),
      proposalNumber: z.number().int().nullable(),
      recipient: z.string(),
      recipientName: z.string(),
      channel: ChannelSchema,
      address: z.string(),
      subject: z.string(),
      urgent: z.boolean(),
      attempts: z.number().int(),
      lastError: z.string().nullable(),
      createdAt: z.string(),
      nextAttemptAt: z.string().nullable(),
      deliveredAt: z.string().nullable(),
    }),
  ),
});

export const IdempotencyKeySchema = z
  .string({ error: 'the Idempotency-Key header is required on every action' })
  .regex(/^[A-Za-z0-9._:-]{8,128}$/, 'must be 8-128 letters, digits or ._:-');

export const IntakeBodySchema = IntakeSchema;

const SEEN = 'proposal-[a-z0-9-]{1,80}@[1-9][0-9]{0,8}';
/**
 * Read-your-writes: a client sends, with a read, the proposals its own actions changed and the
 * versions they answered, and the read waits (briefly) until the read model holds them.
 */
export const SeenVersionsSchema = z
  .string()
  .regex(new RegExp(`^${SEEN}( *, *${SEEN}){0,19}$`), 'must be up to 20 comma-separated proposalId@version, as the actions answered them')
  .transform((v) =>
    v.split(',').map((pair) => {
      const [proposalId, version] = pair.trim().split('@');
      return { proposalId: proposalId!, version: Number(version) };
    }),
  );

/**
 * An uploaded file, base64. zod's own pattern opens with `^$|`, and Python's `$` also matches
 * before a final newline, so a validator in Python would take "\n" for an empty file: the same
 * language without that branch.
 */
const Base64File = z
  .base64()
  .max(8_000_000)
  .meta({ pattern: '^(?:[0-9a-zA-Z+/]{4})*(?:[0-9a-zA-Z+/]{2}==|[0-9a-zA-Z+/]{3}=)?$' });

/** A session's proposals as exported by a submission system, to be filed in one go. */
export const SessionImportSchema = z.strictObject({
  session: SessionSchema,
  format: z.enum(['xlsx', 'csv', 'json']),
  /** The file, base64: a first sheet (or CSV, or a JSON array) with 提案号, 案由, 提案人, 提案人编号, 领衔人, 提案人类别, 类别, 内容, 重点提案. */
  file: Base64File,
  /** With faults in the file, file the good rows anyway; left out, nothing is filed from a file with faults. */
  fileGoodRows: z.boolean().default(false),
});

export const SessionImportResultSchema = z.object({
  filed: z.array(z.object({ row: z.number().int(), number: z.number().int(), proposalId: z.string() })),
  refused: z.array(z.object({ row: z.number().int(), column: z.string(), reason: z.string() })),
  /** 查重 within the file: each row a near-verbatim copy of an earlier row of it (a 并案 to consider at the review). */
  nearDuplicates: z.array(z.object({ row: z.number().int(), number: z.number().int(), sameAs: z.object({ row: z.number().int(), number: z.number().int() }) })),
});

/** The assignment meeting's plan for a session, applied as one durable batch. */
export const AssignmentBatchRequestSchema = z.strictObject({
  session: Id,
  format: z.enum(['xlsx', 'csv', 'json']),
  /** The plan, base64: 提案号, 审查结果 (立案/不予立案/并案/转参考), 理由, 并入提案号, 主办单位, 会办单位, 分办单位 (units by name or id). */
  file: Base64File,
  /** Proposals applied per second at most. */
  perSecond: z.number().min(0.1).max(50).default(10),
});

export const BatchProgressSchema = z.object({
  batchId: z.string(),
  total: z.number().int(),
  done: z.array(z.object({ row: z.number().int(), number: z.number().int() })),
  refused: z.array(z.object({ row: z.number().int(), number: z.number().int(), reason: z.string() })),
  remaining: z.number().int(),
  finished: z.boolean(),
});

/** Which reply: for a proposal handled separately, each unit's is its own document. */
export const ReplyDocumentQuerySchema = z.strictObject({
  unit: Id.optional().describe("The replying unit; the lead's (or the first unit's) reply when left out."),
});
/** 办理结果告知: one commitment's notice, by its number in the reply of `unit`. */
export const ResultNoticeQuerySchema = ReplyDocumentQuerySchema.extend({
  commitment: z.coerce.number().int().min(1).max(100).describe('The commitment’s number in the reply.'),
});

/** Which handling policy the proposal runs under (periods, classes, calendar); pinned at intake. */
export const IntakeQuerySchema = z.strictObject({
  policy: z
    .enum(Object.keys(policies()) as [string, ...string[]])
    .optional()
    .describe('The handling policy to pin; the default policy when left out.'),
});


export const ActionResultSchema = z
  .object({ proposalId: z.string(), version: z.number().int(), events: z.array(RecordedEventSchema) });

export const FiledSchema = z.object({
  proposalId: z.string(),
  version: z.number().int(),
  nearCopies: z
    .array(z.object({ proposalId: z.string(), number: z.number().int(), title: z.string() }))
    .optional()
    .describe('查重 at intake, for the committee: proposals of the session this one is a near-verbatim copy of (a 并案 to consider at its review). Absent for a member filing, or when the read model could not be asked.'),
});

const boolString = z.enum(['true', 'false']).transform((v) => v === 'true');

export const ListQuerySchema = z.strictObject({
  session: Id.optional(),
  unit: Id.optional(),
  stage: z.string().regex(/^[a-zA-Z]{1,30}$/, 'must be a stage name').optional(),
  class: z.string().regex(/^[A-Z]$/, 'must be one capital letter').optional(),
  overdue: boolString.optional(),
  q: text(100).optional(),
  /** `due`: the proposal with the soonest owed duty first (those owing nothing last). */
  sort: z.enum(['number', 'due']).default('number'),
  page: z.coerce.number().int().min(1).max(10000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type ListQuery = z.infer<typeof ListQuerySchema>;
/** `raw=false`: the readable timeline and the domain events without Temporal's own history (a page needs no more). */
export const HistoryQuerySchema = z.strictObject({
  raw: boolString.default(true),
  version: z.coerce.number().int().min(0).default(0).describe('The version of the proposal the caller last saw (an action answers with it): the history answered holds at least that version.'),
});

export const SimilarQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(50).default(10).describe('How many of this session and how many of past sessions'),
});

const SimilarProposalSchema = z.object({
  proposalId: z.string(),
  sessionId: z.string(),
  sessionName: z.string().nullable(),
  number: z.number().int(),
  title: z.string(),
  /** What became of it: registered, merged (into mergedInto), closed with replyClass… */
  status: z.string(),
  stage: z.string(),
  replyClass: z.string().nullable(),
  mergedInto: z.number().int().nullable(),
  /** The cosine of the two proposals' rarity-weighted words, 0 to 1. */
  score: z.number().min(0).max(1),
  /** Its word pairs' SimHash within a few bits of this one's: a near-verbatim copy. */
  nearCopy: z.boolean(),
  /** Worth offering at the review as one to merge with (并案): a near copy, or as alike as proposals on one matter are. */
  mergeCandidate: z.boolean(),
  /** The distinctive words both use, the rarest first (at most 12). */
  sharedWords: z.array(z.string()),
});

export const SimilarProposalsSchema = z.object({
  proposalId: z.string(),
  /** Merge (并案) candidates: the proposals of the same session most like it, near copies first. */
  thisSession: z.array(SimilarProposalSchema),
  /** Proposals of earlier sessions most like it, with what became of them. */
  pastSessions: z.array(SimilarProposalSchema),
});

const PrecedentSchema = z.object({ proposalId: z.string(), sessionName: z.string().nullable(), number: z.number().int(), title: z.string(), score: z.number().min(0).max(1) });
const UnitSuggestionSchema = z.object({
  unitId: z.string(),
  unitName: z.string(),
  /** 0 to 1: the share of similar past proposals' votes and the responsibilities' match. */
  score: z.number().min(0).max(1),
  /** The similar past proposals this unit finally handled (led, for a lead), the most alike first. */
  precedents: z.array(PrecedentSchema),
  /** The proposal's words its responsibilities (职责) name, the rarest first. */
  responsibilityWords: z.array(z.string()),
});
export const UnitSuggestionsSchema = z.object({
  proposalId: z.string(),
  /** At most 3, the likeliest first. A suggestion assigns nothing. */
  lead: z.array(UnitSuggestionSchema),
  /** At most 5, without the first lead suggestion. */
  coHandlers: z.array(UnitSuggestionSchema),
});

export const ProposalListItemSchema = z
  .object({
    id: z.string(),
    sessionId: z.string(),
    /** The session as people name it (八届二次会议): the same number recurs in every session. */
    sessionName: z.string(),
    number: z.number().int(),
    title: z.string(),
    category: z.string(),
    status: z.string(),
    stage: z.string(),
    leadUnitId: z.string().nullable(),
    unitIds: z.array(z.string()),
    replyClass: z.string().nullable(),
    filedAt: z.string(),
    assignedAt: z.string().nullable(),
    repliedAt: z.string().nullable(),
    closedAt: z.string().nullable(),
    overdueDuties: z.number().int(),
    /** The soonest due date of a duty owed on it, if any. */
    nextDueAt: z.string().nullable(),
    version: z.number().int(),
  });

export const ProposalListSchema = z.object({
  items: z.array(ProposalListItemSchema),
  total: z.number().int(),
  /** A search counts its matches up to 1,000: there are at least `total`. */
  totalIsAtLeast: z.boolean().optional(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

const DutySchema = z
  .object({
    kind: DutyKindSchema,
    unitId: z.string().nullable(),
    proposerId: z.string().nullable(),
    commitmentNo: z.number().int().nullable(),
    period: z.number().int().nullable(),
    key: z.string(),
    startedAt: z.string(),
    due: z.object({ date: z.string(), at: z.string() }),
    window: z.boolean(),
    optional: z.boolean(),
    urgency: UrgencySchema,
  });

export const ProposalViewSchema = z
  .object({
    proposalId: z.string(),
    stage: z.string(),
    state: ProposalStateSchema,
    duties: z.array(DutySchema),
    allowedActions: z.array(AllowedActionSchema).describe('What the caller may do on the proposal now, as the rules would accept it, with the choices each form may offer'),
    settled: z
      .array(z.object({ key: z.string(), kind: DutyKindSchema, unitId: z.string().nullable(), startedAt: z.string().optional(), dueAt: z.string(), doneAt: z.string().nullable() }))
      .describe('Duties owed and no longer open: done (doneAt), or let go past due (doneAt null)'),
    policy: z.record(z.string(), z.unknown()),
    asOf: z.string(),
  });

export const HistorySchema = z
  .object({
    timeline: z.array(
      z.object({ seq: z.number().int(), time: z.string(), unit: z.string(), what: z.string().describe('In Chinese'), whatEn: z.string().describe('In English'), stage: z.string(), nextDue: z.string() }),
    ),
    events: z.array(RecordedEventSchema),
    answeredFrom: z.enum(['readModel', 'proposal']).describe('readModel: the projected events, when they hold the version asked for; proposal: its workflow, by Query (the read model was behind, or the raw history was asked for).'),
    /** The workflow's raw Temporal history, as Temporal's JSON: every run, first to last. For the committee only. */
    temporal: z.object({ workflowId: z.string(), runs: z.array(z.object({ runId: z.string(), events: z.array(z.record(z.string(), z.unknown())) })) }).optional(),
  });

export const TaskQuerySchema = z.strictObject({
  kind: z.string().regex(/^[a-zA-Z]{1,40}$/).optional(),
  /** Also list rights that may be used, such as asking for reassignment within its window. */
  includeOptional: boolString.default(false),
  urgency: UrgencySchema.optional().describe('Only the duties of this urgency (the counts stay those of every urgency).'),
  page: z.coerce.number().int().min(1).max(100_000).default(1).describe('Pages of proposals, the one with the soonest due duty first; each proposal comes with all its listed duties.'),
  pageSize: z.coerce.number().int().min(1).max(500).default(100).describe('Proposals per page.'),
});

export const TaskSchema = z
  .object({
    proposalId: z.string(),
    sessionName: z.string(),
    number: z.number().int(),
    /** The owing unit's part in the proposal: 主办 (lead), 会办 (coHandler), 协办 (assisting) or 分办 (separate); null for a proposer's or the committee's duty. */
    role: z.enum(['lead', 'coHandler', 'assisting', 'separate']).nullable(),
    title: z.string(),
    kind: DutyKindSchema,
    unitId: z.string().nullable(),
    proposerId: z.string().nullable(),
    commitmentNo: z.number().int().nullable(),
    dueDate: z.string(),
    dueAt: z.string(),
    window: z.boolean(),
    optional: z.boolean(),
    urgency: UrgencySchema,
    /** Whole days overdue (0 when not overdue). */
    daysOverdue: z.number().int(),
  });
export const TaskListSchema = z.object({
  items: z.array(TaskSchema).describe('Grouped by proposal (the soonest due first), soonest first within each.'),
  totalProposals: z.number().int(),
  totalTasks: z.number().int(),
  counts: z.object({ overdue: z.number().int(), dueSoon: z.number().int(), onTime: z.number().int() }).describe('Duties listed by urgency, before the urgency filter.'),
  page: z.number().int().optional(),
  pageSize: z.number().int().optional(),
});

export const AlertQuerySchema = z.strictObject({
  unread: boolString.default(false),
  /** One proposal's alerts (a proposal page's list). */
  proposal: z.string().regex(/^proposal-[a-z0-9-]{1,80}$/, 'must be a proposal ID').optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

/** An alert as the feed lists it: the workflow's alert, with where and when it was raised. */
export const AlertItemSchema = AlertSchema.pick({ kind: true, level: true, audience: true, unitId: true, proposerId: true, commitmentNo: true, dueDate: true }).extend({
  id: z.string(),
  /** Null for an operator alert that belongs to no proposal's duty (see OperatorAlertSchema). */
  proposalId: z.string().nullable(),
  dutyKind: z.union([DutyKindSchema, OperatorAlertSchema]),
  raisedAt: z.string(),
  read: z.boolean(),
});
export const AlertListSchema = z.object({ items: z.array(AlertItemSchema) });

export const StatsQuerySchema = z.strictObject({ session: Id.optional(), unit: Id.optional() });
export const ReportQuerySchema = z.strictObject({ session: Id });
export const SessionListSchema = z.array(
  z.object({ id: z.string(), name: z.string(), proposals: z.number().int().describe('Proposals filed in the session'), lastFiledAt: z.string() }),
).describe('Every session with a proposal filed, the most recently filed first');
/** 答复公开: the replies a session has published, for anyone, without signing in. */
export const PublicRepliesQuerySchema = z.strictObject({
  session: Id,
  page: z.coerce.number().int().min(1).max(10000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export const PublicReplyListSchema = z.object({
  items: z.array(
    z.object({
      proposalId: z.string(),
      number: z.number().int(),
      title: z.string(),
      category: z.string(),
      proposers: z.array(z.string()).describe('The proposers by name, as the reply addresses them.'),
      unitId: z.string(),
      unitName: z.string(),
      documentNumber: z.string(),
      replyClass: z.string(),
      issuedAt: z.string(),
      publication: z.enum(['full', 'summary']),
      summary: z.string().optional().describe('For a reply published as a summary.'),
    }),
  ),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export const PublicSessionListSchema = z.array(z.object({ id: z.string(), name: z.string() }));
export const PublicReplyParamSchema = z.strictObject({ id: z.string().regex(/^proposal-[a-z0-9-]{1,80}$/, 'must be a proposal ID'), unit: Id });

export const SessionOverviewSchema = z.object({
  session: z.string(),
  byStage: z.array(z.object({ stage: z.string(), count: z.number().int() })),
  byUnit: z.array(z.object({ unitId: z.string(), count: z.number().int() })).describe('Proposals per assigned unit, lead, co-handler or separate.'),
  overdue: z.number().int().describe('Owed duties past their due date.'),
  dueSoon: z.number().int().describe('Owed duties due within three working days (the holiday calendar’s), not yet overdue.'),
  dueSoonUntil: z.string(),
  weekly: z.array(z.object({ week: z.string(), assigned: z.number().int(), replied: z.number().int(), closed: z.number().int() })).describe('The last twelve weeks (Monday, Beijing time): proposals assigned, first replies, closings.'),
  keyProposals: z
    .array(z.object({ id: z.string(), number: z.number().int(), title: z.string(), stage: z.string(), leaders: z.array(z.string()), overdueDuties: z.number().int() }))
    .describe('重点提案 of the session, by number: their supervising leaders and duties overdue.'),
  carriedOver: z
    .array(
      z.object({
        id: z.string(),
        sessionId: z.string(),
        sessionName: z.string(),
        number: z.number().int(),
        title: z.string(),
        unitIds: z.array(z.string()),
        openCommitments: z.number().int(),
        overdueDuties: z.number().int(),
      }),
    )
    .describe('Proposals of earlier sessions (an earlier term’s too) with commitments still to deliver: their follow-up carries on under this session.'),
});

export const UnitStatsSchema = z
  .object({
    sessionId: z.string(),
    unitId: z.string(),
    assigned: z.number().int().describe('Proposals assigned to the unit, as lead, co-handler or separate unit.'),
    replied: z.number().int().describe('First replies issued by the unit (lead or separate unit).'),
    repliedOnTime: z.number().int(),
    replyRate: z.number().nullable().describe('办复率: first replies issued by their due date (three months from assignment plus any extension) ÷ replies the unit owes.'),
    dutiesDue: z.number().int(),
    dutiesOnTime: z.number().int(),
    onTimeRate: z
      .number()
      .nullable()
      .describe(
        '按时办结率: duties done by their due date ÷ duties due, over every duty the unit owes: co-handler opinions, countersigns, the first contact, replies and re-replies, follow-up reports and annual summaries. A duty counts as due once its due date has passed or it is done; one let go undone (an opinion the reply went out without, a countersign the committee released) counts as late.',
      ),
    rated: z.number().int().describe('Proposals whose latest reply was rated.'),
    satisfactionRate: z
      .number()
      .nullable()
      .describe('满意率: proposals rated 满意 or 基本满意 ÷ proposals rated, per proposal: the rating that counts is the lowest of its proposers (policy `satisfactionBasis`; or the lead signer’s), on the latest reply.'),
    firstReplySatisfactionRate: z.number().nullable().describe('满意率 on the first reply, before any re-handling.'),
    contactRate: z.number().nullable().describe('沟通率: proposals with at least one contact by the unit ÷ proposals assigned.'),
    meetingRate: z.number().nullable().describe('见面率: proposals with at least one face-to-face contact or site visit by the unit ÷ proposals assigned.'),
    commitmentsOpen: z.number().int().describe('Commitments still being followed up, within the follow-up limit.'),
    commitmentsDelivered: z.number().int().describe('Commitments reported delivered.'),
    commitmentsOverdue: z.number().int().describe('Commitments neither delivered nor accepted as undeliverable by the follow-up limit.'),
    commitmentsUndeliverable: z.number().int().describe('Commitments the unit declared undeliverable with a reason and the committee accepted.'),
    keyProposals: z.number().int().describe('重点提案 among the proposals assigned, counted apart: filed as key or selected since.'),
    keyRepliedOnTime: z.number().int().describe('Key proposals whose first reply went out within its period.'),
    publicationDecided: z.number().int().describe('答复公开: issued replies whose publication the unit has decided.'),
    published: z.number().int().describe('Replies published, in full or as a summary.'),
  })
  .describe('One unit’s figures for one session, with DOMAIN.md’s definitions.');
export const SessionTotalsSchema = UnitStatsSchema.omit({ unitId: true }).describe(
  'A session’s total, counting proposals: a proposal is assigned once however many units it has, contacted or met if any of its units contacted or met the proposers, replied (on time) when every reply it owes went out (on time), rated on its lowest rating; duties and commitments are the sum of the units’. Left out when one unit is asked for.',
);
export const SessionFiguresSchema = z
  .object({
    sessionId: z.string(),
    sessionName: z.string(),
    received: z.number().int().describe('Proposals filed in the session.'),
    registered: z.number().int().describe('立案: registered, being handled or closed.'),
    merged: z.number().int().describe('并案.'),
    notRegistered: z.number().int().describe('不立案.'),
    convertedToReport: z.number().int().describe('转为意见和建议 (社情民意).'),
    withdrawn: z.number().int().describe('撤案.'),
    awaitingReview: z.number().int().describe('Filed and not yet reviewed.'),
    byMembers: z.number().int().describe('委员提案: led by a member.'),
    collective: z.number().int().describe('集体提案: led by a party group or a special committee.'),
    byCategory: z.array(z.object({ category: z.string(), count: z.number().int() })).describe('By category, the most first.'),
    units: z.number().int().describe('Units that handled the session’s proposals (lead, co-handling or separate).'),
    leadUnits: z.number().int().describe('主办单位: units that replied (lead or separate).'),
    repliesByClass: z.array(z.object({ replyClass: z.string(), count: z.number().int() })).describe('Issued replies by class (the latest reply of each unit).'),
    keyProposals: z.number().int().describe('重点提案 of the session.'),
  })
  .describe('A session’s figures as the committee reports them (提案工作情况报告): counted over every proposal of the session.');
export const StatsSchema = z.object({ asOf: z.string(), rows: z.array(UnitStatsSchema), totals: z.array(SessionTotalsSchema), sessions: z.array(SessionFiguresSchema) });

/** PUT /calendar/years/{year}: the year's days as the State Council's notice gives them. */
export const CalendarYearParamSchema = z.strictObject({ year: z.coerce.number().int().min(2000).max(2100) });
export const CalendarYearBodySchema = CalendarYearDaysSchema;
export const CalendarLoadedSchema = z.object({
  calendar: z.string(),
  year: z.number().int(),
  version: z.number().int().describe('Each load that changes the year adds a version; loading the same days again changes nothing.'),
  changed: z.boolean(),
  runningProposalsTold: z.number().int().describe('Running proposals being told of the year (none when it did not change): one whose calendar lacked it takes it, one that covered it takes the changed days from today on.'),
  broadcast: z.string().optional().describe('The workflow telling them, a page a second (see it in Temporal\'s web UI).'),
});
const CoverageSchema = z.object({
  calendar: z.string(),
  lastCoveredYear: z.number().int(),
  uncoveredYears: z.array(z.number().int()).describe('Years from today to six months ahead, and to the latest open due date, that the calendar lacks: load them.'),
});
export const CalendarOverviewSchema = z.object({
  name: z.string(),
  coveredYears: z.array(z.number().int()),
  loaded: z.array(CalendarYearDaysSchema.extend({ year: z.number().int(), version: z.number().int(), loadedBy: z.string(), loadedAt: z.string() })),
  coverage: CoverageSchema,
});
export const ReadinessSchema = z.object({
  status: z.enum(['ready', 'not ready']),
  temporal: z.string(),
  postgres: z.string(),
  /** `ok` when a worker has polled the proposals' task queue within 90 s. */
  worker: z.string(),
  calendar: CoverageSchema.extend({ warning: z.string().optional() }).optional(),
});

/** 考核: the committee's selection of a session's 优秀提案 and 先进承办单位, recorded whole (PUT replaces it). */
const uniqueBy = <T>(key: (t: T) => string, what: string) => (items: T[], ctx: z.RefinementCtx) => {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (seen.has(key(item))) ctx.addIssue({ code: 'custom', path: [i], message: `names the same ${what} twice` });
    seen.add(key(item));
  });
};
export const SelectionBodySchema = z.strictObject({
  excellentProposals: z
    .array(z.strictObject({ proposalId: Id, reason: text(500) }))
    .max(500)
    .superRefine(uniqueBy((p) => p.proposalId, 'proposal'))
    .describe('优秀提案: registered proposals of the session, each with why it was selected.'),
  advancedUnits: z
    .array(z.strictObject({ unitId: Id, reason: text(500) }))
    .max(200)
    .superRefine(uniqueBy((u) => u.unitId, 'unit'))
    .describe('先进承办单位: units assessed in the session, each with why it was selected.'),
});
export const SelectionSchema = z.object({
  version: z.number().int().describe('Each selection that changes something adds a version; recording the same one again changes nothing.'),
  excellentProposals: z.array(z.object({ proposalId: z.string(), number: z.number().int(), title: z.string(), reason: z.string() })),
  advancedUnits: z.array(z.object({ unitId: z.string(), unitName: z.string(), reason: z.string() })),
  recordedBy: z.string(),
  recordedAt: z.string(),
});
const WeightsSchema = z.object({ onTimeRate: z.number(), satisfactionRate: z.number(), meetingRate: z.number(), publicationRate: z.number() });
const RatesSchema = z.object({ onTimeRate: z.number().nullable(), satisfactionRate: z.number().nullable(), meetingRate: z.number().nullable(), publicationRate: z.number().nullable() });
export const AssessmentSchema = z.object({
  sessionId: z.string(),
  sessionName: z.string(),
  asOf: z.string(),
  policy: z.object({
    id: z.string(),
    name: z.string(),
    weights: WeightsSchema,
    deductions: z.object({ escalation: z.number(), commitmentOverdue: z.number(), cap: z.number() }),
  }),
  units: z
    .array(
      z.object({
        unitId: z.string(),
        unitName: z.string(),
        rank: z.number().int().nullable().describe('By score, highest first; equal scores share a rank; null when nothing could be scored yet.'),
        score: z.number().nullable().describe('The base less the deduction, never below 0.'),
        base: z.number().nullable().describe('The rates’ points added up (out of 100).'),
        rates: RatesSchema.describe('按时办结率, 满意率 and 见面率 as /supervision/stats gives them; 公开率 = first replies published ÷ first replies issued.'),
        points: RatesSchema.describe('Each rate × its weight, the weights of the rates that count scaled to 100; null for a rate with nothing to count.'),
        escalations: z.number().int().describe('Escalations of the unit’s duties that reached the assessment rung (督办 → 考核).'),
        commitmentsOverdue: z.number().int(),
        deduction: z.number().describe('Points taken off: per escalation and per overdue commitment, up to the cap.'),
      }),
    )
    .describe('Every unit assigned proposals of the session, ranked.'),
  selection: SelectionSchema.nullable().describe('The committee’s latest selection, or null before one is recorded.'),
  candidates: z
    .object({
      excellentProposals: z.array(z.object({ proposalId: z.string(), number: z.number().int(), title: z.string() })),
      advancedUnits: z.array(z.object({ unitId: z.string(), unitName: z.string() })),
    })
    .describe('What the selection may name: the session’s registered proposals, and the units it assigned proposals to.'),
});

/** 办理工作总结: the committee asks each unit that handled proposals in the year; the unit sends one summary. */
const Year = z.coerce.number().int().min(2000).max(2100);
export const SummaryRequestSchema = z.strictObject({ year: Year });
export const SummaryYearQuerySchema = z.strictObject({ year: Year.optional().describe('Every year asked when left out.') });
export const SummaryParamSchema = z.strictObject({ year: Year, unitId: Id });
export const SummaryRowSchema = z.object({
  unitId: z.string(),
  unitName: z.string(),
  year: z.number().int(),
  dueDate: z.string().describe('The last working day before the policy’s date (10 October by default).'),
  requestedAt: z.string(),
  submittedAt: z.string().nullable(),
  submittedBy: z.string().nullable(),
  text: z.string().nullable(),
  urgency: UrgencySchema.nullable().describe('While owed: on time, due within three working days, or overdue; null once sent.'),
  onTime: z.boolean().nullable().describe('Once sent: whether by its due date.'),
});
export const SummaryListSchema = z.object({ items: z.array(SummaryRowSchema) });
export const SummariesRequestedSchema = z.object({
  year: z.number().int(),
  dueDate: z.string(),
  units: z.array(z.object({ unitId: z.string(), unitName: z.string(), newlyAsked: z.boolean().describe('False when the unit had been asked already: asking again changes nothing.') })),
});

/** The accounts' audit trail, as the committee reads it. */
export const AuditKindSchema = z.enum(['signedIn', 'signInFailed', 'accountLocked', 'signInWhileLocked', 'signInThrottled', 'passwordReset', 'deactivated', 'reactivated']);
export const AuditQuerySchema = z.strictObject({
  account: z.string().max(100).optional().describe('only entries about this account'),
  kind: AuditKindSchema.optional(),
  ...OlderPageQuery,
});
export const AuditListSchema = z.object({
  next: NextPage,
  items: z.array(z.object({ id: z.string(), at: z.string(), kind: AuditKindSchema, account: z.string(), actor: z.string().nullable(), address: z.string().nullable(), detail: z.record(z.string(), z.unknown()) })),
});

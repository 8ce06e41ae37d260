/**
 * The OpenAPI 3.1 document, generated from the same zod schemas the API validates with and
 * the same action table it routes by: nothing here is written twice by hand.
 */
import { z } from 'zod';
import { COMMAND_ROLES } from '../../../../workflows/domain/commands';
import {
  ActionResultSchema,
  AlertItemSchema,
  AlertListSchema,
  AlertQuerySchema,
  CalendarLoadedSchema,
  CalendarOverviewSchema,
  CalendarYearBodySchema,
  CalendarYearParamSchema,
  FiledSchema,
  HistorySchema,
  IdempotencyKeySchema,
  IntakeBodySchema,
  IntakeQuerySchema,
  ListQuerySchema,
  ReplyDocumentQuerySchema,
  ResultNoticeQuerySchema,
  AssignmentBatchRequestSchema,
  AssessmentSchema,
  SummaryListSchema,
  SummaryParamSchema,
  SummaryRequestSchema,
  SummaryRowSchema,
  SummaryYearQuerySchema,
  SummariesRequestedSchema,
  SelectionBodySchema,
  SelectionSchema,
  BatchProgressSchema,
  SessionImportResultSchema,
  SessionImportSchema,
  ProblemSchema,
  ProposalListSchema,
  ProposalViewSchema,
  LeaderListSchema,
  PublicRepliesQuerySchema,
  PublicReplyListSchema,
  PublicReplyParamSchema,
  PublicSessionListSchema,
  ReadinessSchema,
  ReportQuerySchema,
  HistoryQuerySchema,
  SimilarProposalsSchema,
  SimilarQuerySchema,
  UnitSuggestionsSchema,
  SessionOverviewSchema,
  SuccessionBodySchema,
  SuccessionResultSchema,
  DirectoryListSchema,
  UnitListSchema,
  SessionListSchema,
  DirectoryParamSchema,
  UnitSchema,
  PersonSchema,
  PasswordResetSchema,
  SignInSchema,
  ConsoleSessionSchema,
  SeenVersionsSchema,
  StatsQuerySchema,
  StatsSchema,
  TaskListSchema,
  TaskQuerySchema,
  NoticeListSchema,
  NoticeQuerySchema,
  AuditListSchema,
  AuditQuerySchema,
} from '../contracts';
import { ContactDetailsSchema } from '../../../common/contact-preferences';
import { ACTIONS, type ActionName, actionBody } from '../proposals/actions';
import { READ_MODEL_BEHIND, SEEN_VERSIONS } from '../read-model/read-your-writes.interceptor';
import { SummaryTextSchema } from '../../../../workflows/domain/annual-summary';

const json = (schema: z.ZodType, io: 'input' | 'output') => z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' });

const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: json(ProblemSchema, 'output') } } });
/** An answer to retry, after the seconds it names, with the same Idempotency-Key. */
const retryLater = (description: string) => ({
  ...problem(description),
  headers: { 'Retry-After': { description: 'Seconds after which the same request may succeed', schema: { type: 'integer', minimum: 1 } } },
});
const unavailable = retryLater('Temporal or PostgreSQL cannot be reached now, or (not-completed) the action was accepted but not finished in time');
const ok = (schema: z.ZodType, description = 'OK') => ({ description, content: { 'application/json': { schema: json(schema, 'output') } } });
const body = (schema: z.ZodType) => ({ required: true, content: { 'application/json': { schema: json(schema, 'input') } } });

const queryParams = (schema: z.ZodObject) =>
  Object.entries(schema.shape).map(([name, s]) => ({ name, in: 'query', required: !(s as z.ZodType).safeParse(undefined).success, schema: json(s as z.ZodType, 'input') }));

const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'string', pattern: '^proposal-[a-z0-9-]{1,80}$' }, example: 'proposal-smx-8-2-202' };
const keyParam = {
  name: 'Idempotency-Key',
  in: 'header',
  required: true,
  description: 'Unique per action: a retry with the same key and body returns the first result and applies the action once.',
  schema: json(IdempotencyKeySchema, 'input'),
};

const seenParam = {
  name: SEEN_VERSIONS,
  in: 'header',
  required: false,
  description: 'Read-your-writes: the proposals your own actions changed, as proposalId@version from their answers; the read waits (a few seconds at most) until it can show them.',
  schema: json(SeenVersionsSchema, 'input'),
};
const behindHeader = { [READ_MODEL_BEHIND]: { description: 'Sent only when the wait for Seen-Versions ran out: the proposals this answer does not yet show at the version given', schema: { type: 'string' } } };

/** Every signed-in read takes Seen-Versions, as the interceptor that honours it stands before every such route. */
function readingYourWrites<P extends object>(paths: P): P {
  for (const item of Object.values(paths) as { get?: { parameters?: unknown[]; security?: unknown[]; responses: Record<string, object> } }[]) {
    const get = item.get;
    if (!get || get.security?.length === 0) continue;
    get.parameters = [...(get.parameters ?? []), seenParam];
    const answer = get.responses[200] as { headers?: object } | undefined;
    if (answer) get.responses[200] = { ...answer, headers: { ...answer.headers, ...behindHeader } };
  }
  return paths;
}

const readErrors = { 400: problem('Invalid query'), 401: problem('No valid bearer token'), 403: problem('Not allowed'), 404: problem('No such proposal'), 503: unavailable };
const actionErrors = {
  400: problem('Malformed JSON, or a body or header that does not match the schema (fields named in errors)'),
  401: problem('No valid bearer token'),
  403: problem('This role, unit or person may not take this action on this proposal'),
  404: problem('No such proposal, action, reply or commitment'),
  409: problem('Refused now: wrong stage, prerequisite missing, window closed, already done, or proposal finished'),
  413: problem('Body too large'),
  422: problem('Domain-invalid data (unknown unit, class outside the scheme, signer level…), or an Idempotency-Key reused for another request'),
  503: unavailable,
};

/** The issued reply as an official document (GB/T 9704-2012 layout); who may read the proposal may read it. */
const FORMATS = { pdf: 'a PDF with embedded CJK fonts', docx: 'a Word file' } as const;

function replyDocumentPath(format: keyof typeof FORMATS, type: string) {
  return {
    get: {
      operationId: `replyAs${format[0]!.toUpperCase()}${format.slice(1)}`,
      tags: ['documents'],
      summary: `The issued reply as ${FORMATS[format]}`,
      parameters: [idParam, ...queryParams(ReplyDocumentQuerySchema)],
      responses: { 200: file(type, 'The document'), ...readErrors, 404: problem('No such proposal, or no reply issued yet') },
    },
  };
}

function resultNoticePath(format: keyof typeof FORMATS, type: string) {
  return {
    get: {
      operationId: `resultNoticeAs${format[0]!.toUpperCase()}${format.slice(1)}`,
      tags: ['documents'],
      summary: `办理结果告知: the replying unit's notice to the proposers of how a commitment ended (delivered, or undeliverable as the committee accepted), as ${FORMATS[format]}`,
      parameters: [idParam, ...queryParams(ResultNoticeQuerySchema)],
      responses: { 200: file(type, 'The document'), ...readErrors, 404: problem('No such proposal, or that commitment is not settled with a result') },
    },
  };
}

const file = (type: string, description: string) => ({ description, content: { [type]: { schema: { type: 'string', format: 'binary' } } } });
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function actionPath(name: ActionName) {
  const { command, summary } = ACTIONS[name];
  return {
    post: {
      operationId: command,
      tags: ['actions'],
      summary,
      description: `Allowed roles: ${COMMAND_ROLES[command].join(', ')}. The lifecycle decides whether this unit or proposer may, in this stage.`,
      parameters: [idParam, keyParam],
      requestBody: body(actionBody(name)),
      responses: { 200: ok(ActionResultSchema, 'Applied (or, for a retried key, the first result)'), ...actionErrors },
    },
  };
}

export function openApiDocument() {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Proposal handling API (提案办理)',
      version: '0.1.0',
      description: 'Bureau officers act on their tasks, the proposal committee registers, assigns and supervises, proposers rate replies. Errors are application/problem+json.',
    },
    servers: [{ url: '/' }],
    security: [{ bearer: [] }],
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
    paths: readingYourWrites({
      '/proposals': {
        post: {
          operationId: 'fileProposal',
          tags: ['proposals'],
          summary: '受理: file a proposal (committee, or a member filing their own)',
          parameters: [keyParam, ...queryParams(IntakeQuerySchema)],
          requestBody: body(IntakeBodySchema),
          responses: { 201: ok(FiledSchema, 'Filed'), ...actionErrors, 409: retryLater('This proposal (session and number) was already filed; or (in-progress, with Retry-After) the same Idempotency-Key is still being answered') },
        },
        get: {
          operationId: 'listProposals',
          tags: ['proposals'],
          summary: 'List and search proposals (the ones the caller may read)',
          parameters: queryParams(ListQuerySchema),
          responses: { 200: ok(ProposalListSchema), ...readErrors },
        },
      },
      '/proposals/{id}': {
        get: { operationId: 'getProposal', tags: ['proposals'], summary: "A proposal's state and open duties", parameters: [idParam], responses: { 200: ok(ProposalViewSchema), ...readErrors } },
      },
      '/proposals/{id}/reply.pdf': replyDocumentPath('pdf', 'application/pdf'),
      '/proposals/{id}/reply.docx': replyDocumentPath('docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'),
      '/proposals/{id}/result-notice.pdf': resultNoticePath('pdf', 'application/pdf'),
      '/proposals/{id}/result-notice.docx': resultNoticePath('docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'),
      '/proposals/{id}/similar': {
        get: {
          operationId: 'similarProposals',
          tags: ['proposals'],
          summary: '提案查重 (committee): the proposals of this session (merge candidates, near copies first) and of past sessions most like this one, each with its score, the words they share and what became of it',
          parameters: [idParam, ...queryParams(SimilarQuerySchema)],
          responses: { 200: ok(SimilarProposalsSchema), ...readErrors },
        },
      },
      '/proposals/{id}/unit-suggestions': {
        get: {
          operationId: 'unitSuggestions',
          tags: ['proposals'],
          summary: '智能交办 (committee): the lead units (3) and co-handling units (5) suggested for a proposal, each with the similar past proposals it finally handled and the words of its responsibilities the proposal matches. It assigns nothing',
          parameters: [idParam],
          responses: { 200: ok(UnitSuggestionsSchema), ...readErrors },
        },
      },
      '/proposals/{id}/history': {
        get: {
          operationId: 'getProposalHistory',
          tags: ['proposals'],
          summary: 'Full history: a readable timeline, the domain events, and the raw Temporal events',
          parameters: [idParam, ...queryParams(HistoryQuerySchema)],
          responses: { 200: ok(HistorySchema), ...readErrors },
        },
      },
      ...Object.fromEntries((Object.keys(ACTIONS) as ActionName[]).map((name) => [`/proposals/{id}/${name}`, actionPath(name)])),
      '/tasks': {
        get: { operationId: 'listTasks', tags: ['tasks'], summary: "My open tasks (an officer's unit's, a proposer's ratings) with due dates and urgency", parameters: queryParams(TaskQuerySchema), responses: { 200: ok(TaskListSchema), ...readErrors } },
      },
      '/supervision/overdue': {
        get: { operationId: 'listOverdue', tags: ['supervision'], summary: 'Overdue duties across proposals (committee)', parameters: queryParams(StatsQuerySchema), responses: { 200: ok(TaskListSchema), ...readErrors } },
      },
      '/supervision/stats': {
        get: { operationId: 'statistics', tags: ['supervision'], summary: '办复率, 按时办结率, 满意率, 沟通率/见面率 and commitments per session and unit (committee)', parameters: queryParams(StatsQuerySchema), responses: { 200: ok(StatsSchema), ...readErrors } },
      },
      '/supervision/sessions': {
        get: { operationId: 'sessions', tags: ['supervision'], summary: 'The sessions there are proposals of, the latest first (committee)', responses: { 200: ok(SessionListSchema), ...readErrors } },
      },
      '/supervision/overview': {
        get: { operationId: 'sessionOverview', tags: ['supervision'], summary: 'A session at a glance (committee): proposals by stage and by unit, duties overdue and due within three working days, the weekly trend', parameters: queryParams(ReportQuerySchema), responses: { 200: ok(SessionOverviewSchema), ...readErrors } },
      },
      '/supervision/report.xlsx': {
        get: {
          operationId: 'sessionReport',
          tags: ['supervision'],
          summary: "The session's handling report as a workbook (committee): a summary sheet with each unit's figures and the total, as /supervision/stats gives them, each definition in a note; a sheet per unit with every proposal, each duty, its due date, when done and whether on time",
          parameters: queryParams(ReportQuerySchema),
          responses: { 200: file(XLSX, 'The workbook'), ...readErrors, 404: problem('No proposal of this session has been assigned') },
        },
      },
      '/supervision/report.docx': {
        get: {
          operationId: 'workReport',
          tags: ['supervision'],
          summary: "提案工作情况报告 (draft, committee): the session's figures in the committee's words, as a Word file — received, registered, merged, not registered, turned into suggestions; members' and collective proposals and categories with their shares; units and lead units; 办复率 and 满意率; replies by class; key proposals. Every figure is one /supervision/stats answers.",
          parameters: queryParams(ReportQuerySchema),
          responses: { 200: file('application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'The Word file'), ...readErrors, 404: problem('No proposal filed in this session') },
        },
      },
      '/supervision/handling-notice.docx': {
        get: {
          operationId: 'handlingNotice',
          tags: ['supervision'],
          summary: "办理情况通报 (draft, committee): the government's account of the session's handling, as a Word file — proposals assigned, units and lead units; 办复率, 按时办结率, 沟通率, 见面率, 满意率; replies by class with their shares; commitments delivered, followed, undeliverable, overdue; key proposals and publication; the units that replied all on time and those with overdue duties. Every figure is one /supervision/stats answers.",
          parameters: queryParams(ReportQuerySchema),
          responses: { 200: file('application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'The Word file'), ...readErrors, 404: problem('No proposal of this session has been assigned') },
        },
      },
      '/supervision/assessment': {
        get: {
          operationId: 'assessment',
          tags: ['supervision'],
          summary: "考核 (committee): every unit of the session scored under the assessment policy and ranked — each rate (按时办结率, 满意率, 见面率, 公开率) with the points its weight earns, the deductions for escalations to the assessment rung and overdue commitments — and the committee's latest selection of 优秀提案 and 先进承办单位",
          parameters: queryParams(ReportQuerySchema),
          responses: { 200: ok(AssessmentSchema), ...readErrors, 404: problem('No proposal filed in this session') },
        },
      },
      '/supervision/assessment.xlsx': {
        get: {
          operationId: 'assessmentSheet',
          tags: ['supervision'],
          summary: '考核表 (committee): the ranked table with each component, the selection and the policy’s weights, as a workbook',
          parameters: queryParams(ReportQuerySchema),
          responses: { 200: file(XLSX, 'The workbook'), ...readErrors, 404: problem('No proposal filed in this session') },
        },
      },
      '/supervision/assessment/selection': {
        put: {
          operationId: 'recordSelection',
          tags: ['supervision'],
          summary: "评选 (committee): record the session's 优秀提案 and 先进承办单位, whole; a selection that differs from the latest is a new version, the same one again changes nothing",
          parameters: queryParams(ReportQuerySchema),
          requestBody: body(SelectionBodySchema),
          responses: { 200: ok(SelectionSchema), ...readErrors, 422: problem('A proposal not registered in the session, or a unit that handled none of its proposals') },
        },
      },
      '/annual-summaries': {
        post: {
          operationId: 'requestAnnualSummaries',
          tags: ['annual summaries'],
          summary: '办理工作总结 (committee): ask every unit that handled proposals in the year (assigned by its end, not closed before it began) for its summary, due before the policy’s date with its alerts; asking again asks no unit twice',
          requestBody: body(SummaryRequestSchema),
          responses: { 200: ok(SummariesRequestedSchema), ...readErrors },
        },
        get: {
          operationId: 'listAnnualSummaries',
          tags: ['annual summaries'],
          summary: "The year's summaries: every unit's (committee), or one's own unit's (officer), each owed or sent",
          parameters: queryParams(SummaryYearQuerySchema),
          responses: { 200: ok(SummaryListSchema), ...readErrors },
        },
      },
      '/annual-summaries/{year}/{unitId}': {
        post: {
          operationId: 'sendYearlySummary',
          tags: ['annual summaries'],
          summary: "Send the unit's summary of the year (an officer of that unit), once; a retry of the same text is answered with it",
          parameters: [...queryParams(SummaryParamSchema).map((p) => ({ ...p, in: 'path', required: true })), keyParam],
          requestBody: body(SummaryTextSchema),
          responses: { 200: ok(SummaryRowSchema), ...actionErrors, 404: problem('The committee has not asked this unit for this year’s summary') },
        },
      },
      '/alerts': {
        get: { operationId: 'listAlerts', tags: ['alerts'], summary: "Deadline alerts: my unit's, my own, or (committee) all; newest first", parameters: queryParams(AlertQuerySchema), responses: { 200: ok(AlertListSchema), ...readErrors } },
      },
      '/alerts/{alertId}/notice.pdf': {
        get: {
          operationId: 'supervisionNotice',
          tags: ['documents'],
          summary: "催办通知书: the committee's notice to a unit's head for an alert that reached the head (escalation), as a PDF; for the committee and that unit's officers",
          parameters: [{ name: 'alertId', in: 'path', required: true, schema: { type: 'string', pattern: '^\\d+$' } }],
          responses: { 200: file('application/pdf', 'The notice'), ...readErrors, 404: problem('No such alert of yours, or not one that reached a unit head') },
        },
      },
      '/alerts/{alertId}/read': {
        post: {
          operationId: 'markAlertRead',
          tags: ['alerts'],
          summary: 'Mark an alert read (for the caller); marking it again changes nothing',
          parameters: [{ name: 'alertId', in: 'path', required: true, schema: { type: 'string', pattern: '^\\d+$' } }],
          responses: { 200: ok(AlertItemSchema), ...readErrors },
        },
      },
      '/alerts/stream': {
        get: {
          operationId: 'streamAlerts',
          tags: ['alerts'],
          summary: 'Server-Sent Events: `event: alert` with each new alert the caller may see, as it is raised',
          responses: { 200: { description: 'text/event-stream', content: { 'text/event-stream': { schema: { type: 'string' } } } }, 401: problem('No valid bearer token') },
        },
      },
      '/calendar': {
        get: { operationId: 'getCalendar', tags: ['calendar'], summary: 'The holiday calendar: the years it covers, the years loaded (latest version), and whether it reaches far enough ahead (committee)', responses: { 200: ok(CalendarOverviewSchema), ...readErrors } },
      },
      '/calendar/years/{year}': {
        put: {
          operationId: 'loadCalendarYear',
          tags: ['calendar'],
          summary: "Load a year's holidays and make-up working days (committee): a new version when it differs; new proposals pin it, running proposals whose calendar lacks the year take it",
          parameters: queryParams(CalendarYearParamSchema).map((p) => ({ ...p, in: 'path', required: true })),
          requestBody: body(CalendarYearBodySchema),
          responses: { 200: ok(CalendarLoadedSchema), ...readErrors },
        },
      },
      '/directory': {
        get: { operationId: 'directory', tags: ['directory'], summary: '人员与单位: every unit and person, with whether each has a password and is locked (committee)', responses: { 200: ok(DirectoryListSchema), ...readErrors } },
      },
      '/directory/units': {
        get: { operationId: 'units', tags: ['directory'], summary: 'Every unit with its name (anyone signed in: units are named on every page)', responses: { 200: ok(UnitListSchema), ...readErrors } },
      },
      '/directory/leaders': {
        get: { operationId: 'leaders', tags: ['directory'], summary: '领衔督办: the leaders who may supervise key proposals, with their names (anyone signed in)', responses: { 200: ok(LeaderListSchema), ...readErrors } },
      },
      '/directory/audit': {
        get: {
          operationId: 'auditTrail',
          tags: ['directory'],
          summary: '账号审计 (committee): sign-ins, failed sign-ins (the account as typed), lockouts, sign-ins refused while locked or throttled, password resets and deactivations, with time, address and who did it; newest first',
          parameters: queryParams(AuditQuerySchema),
          responses: { 200: ok(AuditListSchema), ...readErrors },
        },
      },
      '/directory/units/{id}': {
        put: {
          operationId: 'putUnit',
          tags: ['directory'],
          summary: 'Add or change a unit (committee); the API reads it at once',
          parameters: queryParams(DirectoryParamSchema).map((p) => ({ ...p, in: 'path', required: true })),
          requestBody: body(UnitSchema),
          responses: { 200: ok(UnitSchema.extend({ id: z.string() })), ...readErrors },
        },
      },
      '/directory/units/{id}/successor': {
        put: {
          operationId: 'recordSuccession',
          tags: ['directory'],
          summary: '机构改革 (committee): the unit was merged into, or renamed as, the successor from a date (today or earlier); every running proposal it handles passes its open work to the successor, with the due dates running; its history and past figures stay under its own name. The same succession again changes nothing more',
          parameters: queryParams(DirectoryParamSchema).map((p) => ({ ...p, in: 'path', required: true })),
          requestBody: body(SuccessionBodySchema),
          responses: { 200: ok(SuccessionResultSchema), ...readErrors, 404: problem('No such unit'), 409: problem('The unit has another successor already'), 422: problem('An unknown or succeeded successor, the unit itself, or a date still to come') },
        },
      },
      '/directory/people/{id}': {
        put: {
          operationId: 'putPerson',
          tags: ['directory'],
          summary: 'Add, change or deactivate a person (committee); a deactivated person is signed out and refused from then on',
          parameters: queryParams(DirectoryParamSchema).map((p) => ({ ...p, in: 'path', required: true })),
          requestBody: body(PersonSchema),
          responses: { 200: ok(z.object({ id: z.string(), name: z.string(), role: z.string(), unitId: z.string().nullable(), active: z.boolean() })), ...readErrors, 422: problem('An officer of a unit that is not in the directory') },
        },
      },
      '/directory/people/{id}/password': {
        put: {
          operationId: 'resetPassword',
          tags: ['directory'],
          summary: "Set or reset a person's password (committee): lifts a lock and ends the person's sessions",
          parameters: queryParams(DirectoryParamSchema).map((p) => ({ ...p, in: 'path', required: true })),
          requestBody: body(PasswordResetSchema),
          responses: { 204: { description: 'Set' }, ...readErrors },
        },
      },
      '/me/contact': {
        get: { operationId: 'myContact', tags: ['directory'], summary: '通知设置: how I am reached outside the console (email, mobile, channels, quiet hours in Beijing time)', responses: { 200: ok(ContactDetailsSchema), ...readErrors } },
        put: {
          operationId: 'putMyContact',
          tags: ['directory'],
          summary: 'Set how I am reached: the channels I want (email, SMS) and quiet hours, when only an escalation reaches me; anyone signed in, for themselves',
          requestBody: body(ContactDetailsSchema),
          responses: { 200: ok(ContactDetailsSchema), ...readErrors, 422: problem('An address, number, channel or time of day that is not one') },
        },
      },
      '/notices': {
        get: {
          operationId: 'listNotices',
          tags: ['alerts'],
          summary: '通知投递 (committee): the email and SMS notices that failed (tried and not delivered, with the last error), wait (quiet hours, not yet tried) or were delivered; newest first',
          parameters: queryParams(NoticeQuerySchema),
          responses: { 200: ok(NoticeListSchema), ...readErrors },
        },
      },
      '/imports': {
        post: {
          operationId: 'importSession',
          tags: ['proposals'],
          summary: "File a session's proposals from a spreadsheet (committee): every row is checked with the intake schema first; with faults nothing is filed unless fileGoodRows; a repeated import files nothing twice",
          requestBody: body(SessionImportSchema),
          responses: { 200: ok(SessionImportResultSchema, 'Filed (or already filed by an earlier import)'), ...readErrors, 422: problem('The file cannot be read, or rows have faults (each named: row and column) and nothing was filed') },
        },
      },
      '/batches': {
        post: {
          operationId: 'startAssignmentBatch',
          tags: ['proposals'],
          summary: "Apply the assignment meeting's plan to a session as one durable batch (committee): each row's review and assignment sent to its proposal once (Update IDs from batch and number), at a bounded rate; faults in the plan are named by row and column and nothing starts. The same Idempotency-Key finds the same batch.",
          parameters: [keyParam],
          requestBody: body(AssignmentBatchRequestSchema),
          responses: { 202: ok(z.object({ batchId: z.string(), total: z.number().int() }), 'Started (or, for the same key, already started)'), ...readErrors, 422: problem('The file cannot be read, or rows have faults (each named: row and column); nothing was started') },
        },
      },
      '/batches/plan.xlsx': {
        get: {
          operationId: 'assignmentPlanDraft',
          tags: ['proposals'],
          summary: "The 交办会's plan to fill in (committee): a row for each of the session's proposals still to be reviewed or assigned, the columns POST /batches reads left blank, and beside them 建议主办单位, 建议会办单位, 建议理由 (智能交办) and 可并案提案 (查重). Filling nothing itself",
          parameters: queryParams(ReportQuerySchema),
          responses: { 200: file(XLSX, 'The workbook'), ...readErrors, 404: problem('No proposal of the session is waiting for its review or assignment') },
        },
      },
      '/batches/{id}': {
        get: {
          operationId: 'assignmentBatchProgress',
          tags: ['proposals'],
          summary: "A batch's progress (committee): rows done, refused with their reasons, remaining",
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', minLength: 1, maxLength: 200 } }],
          responses: { 200: ok(BatchProgressSchema), ...readErrors, 404: problem('No such batch') },
        },
      },
      '/session': {
        post: {
          operationId: 'signIn',
          tags: ['sign-in'],
          security: [],
          summary: 'Sign in to the console with an account (the person’s ID) and password: sets the HttpOnly, SameSite=Strict session cookie and answers the CSRF token to send as X-CSRF-Token on every change',
          requestBody: { required: true, content: { 'application/json': { schema: json(SignInSchema, 'input') } } },
          responses: {
            200: ok(ConsoleSessionSchema, 'Signed in'),
            400: problem('Malformed body (fields named in errors)'),
            401: problem('Wrong account or password (the same answer for both)'),
            429: retryLater('Too many attempts from this address, or the account is locked after repeated failures (Retry-After: seconds until it opens)'),
          },
        },
        get: { operationId: 'currentSession', tags: ['sign-in'], summary: 'Who is signed in, and (with the cookie) the CSRF token', responses: { 200: ok(ConsoleSessionSchema), ...readErrors } },
        delete: { operationId: 'signOut', tags: ['sign-in'], summary: 'Sign out: the session ends and the cookie is cleared', responses: { 204: { description: 'Signed out' }, ...readErrors } },
      },
      '/public/sessions': {
        get: { operationId: 'publishedSessions', tags: ['publication'], security: [], summary: '答复公开: the sessions with published replies, the latest first (anyone)', responses: { 200: ok(PublicSessionListSchema) } },
      },
      '/public/replies': {
        get: {
          operationId: 'publishedReplies',
          tags: ['publication'],
          security: [],
          summary: '答复公开: the replies of a session published in full or as a summary (anyone, without signing in); withheld ones are not listed',
          parameters: queryParams(PublicRepliesQuerySchema),
          responses: { 200: ok(PublicReplyListSchema), 400: problem('Malformed query') },
        },
      },
      '/public/replies/{id}/{unit}/reply.pdf': {
        get: {
          operationId: 'publishedReplyPdf',
          tags: ['publication'],
          security: [],
          summary: 'A reply published in full, as its document (anyone, without signing in)',
          parameters: queryParams(PublicReplyParamSchema).map((p) => ({ ...p, in: 'path', required: true })),
          responses: { 200: file('application/pdf', 'The document'), 400: problem('Malformed path'), 404: problem('No reply of that unit published in full') },
        },
      },
      '/metrics': {
        get: {
          operationId: 'metrics',
          tags: ['operations'],
          security: [],
          summary: "Prometheus' scrape of this API process: requests by route, method and status with their latency, Update latency by action and outcome, the projection's lag (names in the README); serve it to the monitoring network only",
          responses: { 200: { description: 'The figures in Prometheus text format', content: { 'text/plain': { schema: { type: 'string' } } } } },
        },
      },
      '/healthz': { get: { operationId: 'liveness', tags: ['operations'], security: [], summary: 'The process answers', responses: { 200: { description: 'alive' } } } },
      '/readyz': {
        get: {
          operationId: 'readiness',
          tags: ['operations'],
          security: [],
          summary: 'Temporal and PostgreSQL answer; a warning when the holiday calendar does not reach six months ahead',
          responses: { 200: ok(ReadinessSchema, 'ready'), 503: ok(ReadinessSchema, 'not ready') },
        },
      },
    }),
  };
}

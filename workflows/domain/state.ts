/** A proposal's state, folded from its events. `evolve` records facts; it never refuses. */
import { z } from 'zod';
import { type Assignment, AssignmentSchema, ContactSchema, IntakeSchema, type Proposer, ProposerSchema, ReplyDraftSchema, SignerSchema, leadSignerOf } from './contracts';
import { assignedUnits, assistingUnits, replyingUnits } from './roles';
import { CalendarYearSchema } from './calendar';
import { DistributionSchema, type ProposalEvent } from './events';
import { CommitmentStatusSchema, OPEN_COMMITMENT, PublicationSchema, RatingSchema } from './vocabulary';

export const ProposalStatusSchema = z.enum([
  'new',
  'filed', // 受理, awaiting review
  'registered', // 立案, awaiting assignment
  'merged', // 并案
  'notRegistered', // 不立案
  'convertedToReport', // 转社情民意
  'handling', // assigned; units at work
  'closed', // 办结
  'withdrawn', // 撤案: by its proposer, before assignment or with the committee's consent
]);
export type ProposalStatus = z.infer<typeof ProposalStatusSchema>;

/** The stages of one unit's reply, in the order they are reached. */
export const TrackStageSchema = z.enum([
  'drafting',
  'countersigning', // 会签: waiting for co-handlers
  'drafted', // ready to submit
  'underReview', // 审核 by the committee
  'approved', // ready to sign and issue
  'replied', // 答复 issued, proposers rating
  'rehandlingDecision', // 不满意: the committee sends it back or accepts the rating
  'consultation', // still 不满意 after re-handling: the committee arranges a meeting
  'followUp', // 跟踪办理 of open commitments
  'done',
]);
export const TRACK_STAGES = TrackStageSchema.options;
export type TrackStage = z.infer<typeof TrackStageSchema>;

/** Before the reply is issued: the stages in which the reply is owed. */
export const REPLY_OWED: readonly TrackStage[] = ['drafting', 'countersigning', 'drafted', 'underReview', 'approved'];

export const CommitmentStateSchema = z.object({
  no: z.number().int(),
  title: z.string(),
  text: z.string(),
  status: CommitmentStatusSchema,
  /** Progress reports (any assigned unit's), oldest first. */
  reportedAt: z.array(z.string()),
  /** Why the unit says it cannot be kept, while the committee decides, and after it accepted. */
  undeliverableReason: z.string().optional(),
  settledAt: z.string().optional(),
  /**
   * 办理结果告知: what the proposers are told once it is settled — the unit's report that it was
   * delivered, or the reason it cannot be kept as the committee accepted it. None for one that lapsed.
   */
  result: z.string().optional(),
});
export type CommitmentState = z.infer<typeof CommitmentStateSchema>;

export const IssuedReplySchema = DistributionSchema.extend({
  at: z.string(),
  /** The unit that issued it, once a successor has taken the reply over (机构改革); absent while it is the track's own. */
  issuedBy: z.string().optional(),
  signer: SignerSchema,
  /** 联合答复: the co-issuing units and who signed for each. */
  coIssuers: z.array(z.object({ unitId: z.string(), signer: SignerSchema })).optional(),
  documentNumber: z.string(),
  replyClass: z.string(),
  draft: ReplyDraftSchema,
});
export type IssuedReply = z.infer<typeof IssuedReplySchema>;

const Ratings = z.record(z.string(), RatingSchema);

export const RoundResultSchema = z.object({
  round: z.number().int(),
  issuedAt: z.string(),
  replyClass: z.string(),
  ratings: Ratings,
  outcome: z.string(),
});
export type RoundResult = z.infer<typeof RoundResultSchema>;

/** One reply owed to the proposers: the lead unit's joint reply, or one separate unit's. */
export const TrackSchema = z.object({
  unitId: z.string(),
  /** 会办: co-handlers that send an opinion and countersign the joint draft. */
  countersigners: z.array(z.string()),
  /** 协办: co-handlers that send an opinion only. */
  assisting: z.array(z.string()),
  stage: TrackStageSchema,
  /** 1 for the first reply; each re-handling after 不满意 starts another. */
  round: z.number().int(),
  roundStartedAt: z.string(),
  draft: ReplyDraftSchema.optional(),
  draftedAt: z.string().optional(),
  /** Co-handlers that countersigned the current draft, or whose countersign the committee released. */
  countersignedBy: z.array(z.string()),
  /** Who signed for each co-issuing unit of the current draft, as it countersigned (联合答复). */
  coSignatures: z.record(z.string(), SignerSchema),
  released: z.array(z.string()),
  approvedClass: z.string().optional(),
  issued: IssuedReplySchema.optional(),
  /** When the evaluation of the latest reply concluded. */
  concludedAt: z.string().optional(),
  ratings: Ratings,
  commitments: z.array(CommitmentStateSchema),
  /** Years whose annual summary of open commitments was sent. */
  annualSummaries: z.array(z.number().int()),
  extensionMonths: z.number().int(),
  /** The unit's request for a longer reply period, while the committee decides. */
  extensionRequest: z.object({ months: z.number().int(), reason: z.string(), at: z.string() }).optional(),
  /** 答复公开 of the latest reply: decided by the unit after it was issued. */
  publication: z.object({ decision: PublicationSchema, summary: z.string().optional(), reason: z.string().optional(), at: z.string() }).optional(),
  rounds: z.array(RoundResultSchema),
});
export type Track = z.infer<typeof TrackSchema>;

export const ReassignmentRequestSchema = z.object({
  reason: z.string(),
  at: z.string(),
  status: z.enum(['pending', 'refused', 'granted']),
  decisionReason: z.string().optional(),
});
export type ReassignmentRequest = z.infer<typeof ReassignmentRequestSchema>;

/** The folded state, as the workflow's view Query answers it and the API documents it. */
export const ProposalStateSchema = z.object({
  status: ProposalStatusSchema,
  version: z.number().int(),
  intake: IntakeSchema.optional(),
  filedAt: z.string().optional(),
  reviewedAt: z.string().optional(),
  reviewReason: z.string().optional(),
  mergedInto: z.number().int().optional(),
  /** Proposals merged into this one (并案): their proposers are recipients too. */
  merged: z.array(z.object({ number: z.number().int(), proposers: z.array(ProposerSchema) })),
  /** 联名: each co-signer of a member's joint proposal, and their answer; those declined or lapsed are no longer among the proposers. */
  cosigners: z.record(z.string(), z.enum(['pending', 'confirmed', 'declined', 'lapsed'])).optional(),
  assignment: AssignmentSchema.optional(),
  /** The first assignment. */
  assignedAt: z.string().optional(),
  /** When each unit joined the proposal: its periods run from then, and a reassignment keeps them. */
  unitAssignedAt: z.record(z.string(), z.string()),
  reassignmentRequests: z.record(z.string(), ReassignmentRequestSchema),
  opinions: z.record(z.string(), z.object({ text: z.string(), at: z.string() })),
  contacts: z.array(z.object({ unitId: z.string(), at: z.string(), contact: ContactSchema })),
  tracks: z.record(z.string(), TrackSchema),
  lookBackAt: z.string().optional(),
  /** 重点提案: when selected, by whom supervised, and what its units and leaders have done on it. */
  key: z
    .object({
      markedAt: z.string(),
      leaders: z.array(z.string()),
      memberInCharge: z.string(),
      reason: z.string(),
      plans: z.record(z.string(), z.object({ text: z.string(), at: z.string() })),
      meetings: z.array(z.object({ occurredAt: z.string(), form: z.string(), participants: z.array(z.string()), conclusions: z.string(), by: z.string(), at: z.string() })),
    })
    .optional(),
  /** The proposer's request to withdraw an assigned proposal, while the committee decides. */
  withdrawalRequest: z.object({ reason: z.string(), at: z.string(), by: z.string() }).optional(),
  withdrawnAt: z.string().optional(),
  /** 机构改革: units that left the proposal to a successor, and from when; what they did stays theirs. */
  formerUnits: z.array(z.object({ unitId: z.string(), successorId: z.string(), at: z.string() })).optional(),
  /**
   * 不立案异议: after 不立案, the lead signer's window (`open`), their objection while the committee
   * reviews again (`objected`), and how it ended: registered after all, 不立案 kept, or no objection.
   */
  objection: z
    .object({
      stage: z.enum(['open', 'objected', 'registered', 'kept', 'lapsed']),
      until: z.object({ date: z.string(), at: z.string() }),
      reason: z.string().optional(),
      objectedAt: z.string().optional(),
      decision: z.string().optional(),
    })
    .optional(),
  /** Years added to the pinned calendar since the proposal began (years it did not cover), and corrections. */
  calendarYears: z.array(CalendarYearSchema),
  /** The latest loaded version of each year taken, by year: an older one arriving late is ignored. */
  calendarVersions: z.record(z.string(), z.number().int()).optional(),
  /** Alerts raised so far, by key: each is raised once. */
  alertsRaised: z.record(z.string(), z.string()),
  closedAt: z.string().optional(),
});
export type ProposalState = z.infer<typeof ProposalStateSchema>;

export const initialState = (): ProposalState => ({
  status: 'new',
  version: 0,
  merged: [],
  unitAssignedAt: {},
  reassignmentRequests: {},
  opinions: {},
  contacts: [],
  tracks: {},
  calendarYears: [],
  alertsRaised: {},
});

/** The co-handlers that owe a joint reply their opinion: 会办 and 协办 alike. */
export const opinionGivers = (t: Track) => [...t.countersigners, ...t.assisting];

/** The co-handlers of a joint assignment as the reply's track holds them: 会办 countersign, 协办 do not. */
const coHandlersOf = (a: Assignment) => ({ countersigners: a.mode === 'joint' ? a.coHandlers : [], assisting: assistingUnits(a) });

const newTrack = (unitId: string, coHandlers: Pick<Track, 'countersigners' | 'assisting'>, at: string): Track => ({
  unitId,
  ...coHandlers,
  stage: 'drafting',
  round: 1,
  roundStartedAt: at,
  countersignedBy: [],
  coSignatures: {},
  released: [],
  ratings: {},
  commitments: [],
  annualSummaries: [],
  extensionMonths: 0,
  rounds: [],
});

const pick = <T>(record: Record<string, T>, keep: string[]) => Object.fromEntries(Object.entries(record).filter(([k]) => keep.includes(k)));

/**
 * A reassignment touches only the units it changes: a unit new to the proposal starts its periods
 * now, a unit that stays keeps its track, opinion, request and periods (also when its role
 * changes, as in a swap of lead and co-handler), and a unit that leaves takes its own with it.
 */
function reassign(s: ProposalState, assignment: Assignment, requester: string, reason: string, at: string): ProposalState {
  const units = assignedUnits(assignment);
  const unitAssignedAt = Object.fromEntries(units.map((u) => [u, s.unitAssignedAt[u] ?? at]));
  const coHandlers = coHandlersOf(assignment);
  const tracks = Object.fromEntries(
    replyingUnits(assignment).map((u) => {
      const kept = s.tracks[u];
      return [u, kept ? { ...kept, ...coHandlers } : newTrack(u, coHandlers, unitAssignedAt[u]!)];
    }),
  );
  const reassignmentRequests = pick(s.reassignmentRequests, units);
  const granted = reassignmentRequests[requester];
  if (granted) reassignmentRequests[requester] = { ...granted, status: 'granted', decisionReason: reason };
  return { ...s, assignment, unitAssignedAt, tracks, reassignmentRequests, opinions: pick(s.opinions, [...coHandlers.countersigners, ...coHandlers.assisting]) };
}

/** 交办: every assigned unit's periods start now. */
function assignAfresh(s: ProposalState, assignment: Assignment, at: string): ProposalState {
  return {
    ...s,
    status: 'handling',
    assignment,
    assignedAt: at,
    unitAssignedAt: Object.fromEntries(assignedUnits(assignment).map((u) => [u, at])),
    tracks: Object.fromEntries(replyingUnits(assignment).map((u) => [u, newTrack(u, coHandlersOf(assignment), at)])),
  };
}

/**
 * 机构改革: the successor takes the unit's place and its open work, with the periods already
 * running (its due dates are the unit's); what the unit did (its opinion, its contacts, the reply it
 * issued) stays recorded as the unit's own.
 */
function succeed(s: ProposalState, from: string, to: string, at: string): ProposalState {
  const a = s.assignment;
  if (!a || !assignedUnits(a).includes(from) || assignedUnits(a).includes(to)) return s;
  const swap = (u: string) => (u === from ? to : u);
  const rekey = <T>(r: Record<string, T>): Record<string, T> => Object.fromEntries(Object.entries(r).map(([k, v]) => [swap(k), v]));
  const tracks = Object.fromEntries(
    Object.values(s.tracks).map((t) => [
      swap(t.unitId),
      {
        ...t,
        unitId: swap(t.unitId),
        countersigners: t.countersigners.map(swap),
        assisting: t.assisting.map(swap),
        countersignedBy: t.countersignedBy.map(swap),
        // A co-issuer's signature stays its own, as the draft names it.
        released: t.released.map(swap),
        ...(t.issued && t.unitId === from ? { issued: { ...t.issued, issuedBy: t.issued.issuedBy ?? from } } : {}),
      },
    ]),
  );
  return {
    ...s,
    assignment:
      a.mode === 'joint'
        ? { ...a, lead: swap(a.lead), coHandlers: a.coHandlers.map(swap), ...(a.assisting ? { assisting: a.assisting.map(swap) } : {}) }
        : { ...a, units: a.units.map(swap) },
    unitAssignedAt: rekey(s.unitAssignedAt),
    reassignmentRequests: rekey(s.reassignmentRequests),
    opinions: rekey(s.opinions),
    tracks,
    ...(s.key ? { key: { ...s.key, plans: rekey(s.key.plans) } } : {}),
    formerUnits: [...(s.formerUnits ?? []), { unitId: from, successorId: to, at }],
  };
}

/** A unit and the units it succeeded on this proposal: their contacts with the proposers count as its own. */
export const unitAndPredecessors = (s: ProposalState, unitId: string): string[] => [unitId, ...(s.formerUnits ?? []).filter((f) => f.successorId === unitId).map((f) => f.unitId)];

function withTrack(state: ProposalState, unitId: string, change: (t: Track) => Partial<Track>): ProposalState {
  const track = state.tracks[unitId];
  if (!track) return state;
  return { ...state, tracks: { ...state.tracks, [unitId]: { ...track, ...change(track) } } };
}

/** Still to be delivered: open, or declared undeliverable while the committee has not decided. */
export const openCommitments = (t: Track) => t.commitments.filter((c) => OPEN_COMMITMENT.includes(c.status));

const withCommitment = (t: Track, no: number, change: (c: CommitmentState) => Partial<CommitmentState>): Partial<Track> => {
  const commitments = t.commitments.map((c) => (c.no === no ? { ...c, ...change(c) } : c));
  // In follow-up, the track is done once no commitment is left to deliver.
  const stage = t.stage === 'followUp' && !commitments.some((c) => c.status === 'open' || c.status === 'declaredUndeliverable') ? 'done' : t.stage;
  return { commitments, stage };
};

const afterEvaluation = (t: Track): TrackStage => (openCommitments(t).length > 0 ? 'followUp' : 'done');

export function evolve(state: ProposalState, event: ProposalEvent): ProposalState {
  const s = { ...state, version: state.version + 1 };
  switch (event.type) {
    case 'ProposalFiled':
      return {
        ...s,
        status: 'filed',
        intake: event.intake,
        filedAt: event.at,
        ...(event.awaitingCosigners ? { cosigners: Object.fromEntries(event.awaitingCosigners.map((id) => [id, 'pending' as const])) } : {}),
      };
    case 'CosigningAnswered':
      return leftOut({ ...s, cosigners: { ...s.cosigners, [event.proposerId]: event.decision === 'confirm' ? 'confirmed' : 'declined' } }, event.decision === 'decline' ? [event.proposerId] : []);
    case 'CosignersLapsed':
      return leftOut({ ...s, cosigners: { ...s.cosigners, ...Object.fromEntries(event.proposerIds.map((id) => [id, 'lapsed' as const])) } }, event.proposerIds);
    case 'ProposalRegistered':
      return { ...s, status: 'registered', reviewedAt: event.at };
    case 'ProposalMerged':
      return { ...s, status: 'merged', reviewedAt: event.at, mergedInto: event.intoNumber, reviewReason: event.reason };
    case 'PublicationDecided':
      return withTrack(s, event.unitId, () => ({ publication: { decision: event.decision, summary: event.summary, reason: event.reason, at: event.at } }));
    case 'KeyProposalMarked':
      return { ...s, key: { markedAt: event.at, leaders: event.leaders, memberInCharge: event.memberInCharge, reason: event.reason, plans: {}, meetings: [] } };
    case 'HandlingPlanSubmitted':
      return s.key ? { ...s, key: { ...s.key, plans: { ...s.key.plans, [event.unitId]: { text: event.text, at: event.at } } } } : s;
    case 'SupervisionMeetingHeld': {
      const { type: _t, at, by, ...meeting } = event;
      return s.key ? { ...s, key: { ...s.key, meetings: [...s.key.meetings, { ...meeting, by: by.id, at }] } } : s;
    }
    case 'WithdrawalRequested':
      return { ...s, withdrawalRequest: { reason: event.reason, at: event.at, by: event.by.id } };
    case 'WithdrawalRefused':
      return { ...s, withdrawalRequest: undefined };
    case 'ProposalWithdrawn':
      return { ...s, status: 'withdrawn', withdrawnAt: event.at, withdrawalRequest: undefined };
    case 'ProposalNotRegistered':
      return { ...s, status: 'notRegistered', reviewedAt: event.at, reviewReason: event.reason, ...(event.objectionUntil ? { objection: { stage: 'open', until: event.objectionUntil } } : {}) };
    case 'ReviewObjected':
      return s.objection ? { ...s, objection: { ...s.objection, stage: 'objected', reason: event.reason, objectedAt: event.at } } : s;
    case 'ObjectionDecided':
      if (!s.objection) return s;
      // Registered after all, the proposal goes on to assignment as any registered one.
      return event.decision === 'register'
        ? { ...s, status: 'registered', objection: { ...s.objection, stage: 'registered', decision: event.reason } }
        : { ...s, objection: { ...s.objection, stage: 'kept', decision: event.reason } };
    case 'UnitSucceeded':
      return succeed(s, event.from, event.to, event.at);
    case 'ObjectionWindowClosed':
      return s.objection ? { ...s, objection: { ...s.objection, stage: 'lapsed' } } : s;
    case 'ProposalConvertedToReport':
      return { ...s, status: 'convertedToReport', reviewedAt: event.at, reviewReason: event.reason };
    case 'MergedProposalJoined':
      return { ...s, merged: [...s.merged, { number: event.number, proposers: event.proposers }] };
    case 'ProposalAssigned':
      return assignAfresh(s, event.assignment, event.at);
    case 'ProposalReassigned':
      if (event.onlyNamedUnits) return reassign(s, event.assignment, event.unitId, event.reason, event.at);
      // Decided under the legacy rules: everything started again from the reassignment.
      return { ...assignAfresh(s, event.assignment, event.at), reassignmentRequests: {}, opinions: {} };
    case 'ReassignmentRequested':
      return {
        ...s,
        reassignmentRequests: { ...s.reassignmentRequests, [event.unitId]: { reason: event.reason, at: event.at, status: 'pending' } },
      };
    case 'ReassignmentRefused': {
      const request = s.reassignmentRequests[event.unitId];
      if (!request) return s;
      return {
        ...s,
        reassignmentRequests: { ...s.reassignmentRequests, [event.unitId]: { ...request, status: 'refused', decisionReason: event.reason } },
      };
    }
    case 'OpinionSubmitted':
      return { ...s, opinions: { ...s.opinions, [event.unitId]: { text: event.text, at: event.at } } };
    case 'ProposerContacted':
      return { ...s, contacts: [...s.contacts, { unitId: event.unitId, at: event.at, contact: event.contact }] };
    case 'ReplyDrafted':
      return withTrack(s, event.unitId, (t) => ({
        draft: event.draft,
        draftedAt: event.at,
        countersignedBy: [],
        coSignatures: {},
        released: [],
        stage: t.countersigners.length > 0 ? 'countersigning' : 'drafted',
      }));
    case 'DraftCountersigned':
    case 'CountersignReleased':
      return withTrack(s, event.leadUnitId, (t) => {
        const countersignedBy = [...t.countersignedBy, event.unitId];
        const released = event.type === 'CountersignReleased' ? [...t.released, event.unitId] : t.released;
        const complete = t.countersigners.every((u) => countersignedBy.includes(u));
        const coSignatures = event.type === 'DraftCountersigned' && event.signer ? { ...t.coSignatures, [event.unitId]: event.signer } : t.coSignatures;
        return { countersignedBy, released, coSignatures, stage: complete ? 'drafted' : 'countersigning' };
      });
    case 'DraftChangesRequested':
      return withTrack(s, event.leadUnitId, () => ({ stage: 'drafting', countersignedBy: [], coSignatures: {}, released: [] }));
    case 'ReplySubmitted':
      return withTrack(s, event.unitId, () => ({ stage: 'underReview' }));
    case 'ReplyReturned':
      return withTrack(s, event.unitId, () => ({ stage: 'drafting', countersignedBy: [], coSignatures: {}, released: [] }));
    case 'ReplyApproved':
      return withTrack(s, event.unitId, () => ({ stage: 'approved', approvedClass: event.replyClass }));
    case 'ReplyIssued':
      return withTrack(s, event.unitId, (t) => ({
        stage: 'replied',
        ratings: {},
        // A new reply (after re-handling) is published, or not, on its own.
        publication: undefined,
        issued: {
          at: event.at,
          signer: event.signer,
          ...(event.coIssuers ? { coIssuers: event.coIssuers } : {}),
          documentNumber: event.documentNumber,
          replyClass: event.replyClass,
          draft: t.draft!,
          recipients: event.recipients ?? [],
          copiedTo: event.copiedTo ?? [],
        },
        commitments: (t.draft?.commitments ?? []).map((c) => ({ ...c, status: 'open', reportedAt: [] })),
      }));
    case 'ReplyEvaluated':
      return withTrack(s, event.unitId, (t) => ({ ratings: { ...t.ratings, [event.proposerId]: event.rating } }));
    case 'EvaluationConcluded':
      return withTrack(s, event.unitId, (t) => {
        const rounds = [
          ...t.rounds,
          { round: t.round, issuedAt: t.issued!.at, replyClass: t.issued!.replyClass, ratings: t.ratings, outcome: event.outcome },
        ];
        const concluded = { rounds, concludedAt: event.at };
        if (event.outcome === 'rehandle') return { ...concluded, ...nextRound(t, event.at) };
        if (event.outcome === 'committeeDecides') return { ...concluded, stage: 'rehandlingDecision' };
        if (event.outcome === 'consult') return { ...concluded, stage: 'consultation' };
        return { ...concluded, stage: afterEvaluation(t) };
      });
    case 'RehandlingDecided':
      return withTrack(s, event.unitId, (t) => (event.decision === 'sendBack' ? nextRound(t, event.at) : { stage: afterEvaluation(t) }));
    case 'ConsultationHeld':
      return withTrack(s, event.unitId, (t) => ({ stage: afterEvaluation(t) }));
    case 'FollowUpReported':
      return withTrack(s, event.unitId, (t) =>
        withCommitment(t, event.commitmentNo, (c) => ({
          reportedAt: [...c.reportedAt, event.at],
          ...(event.done ? { status: 'delivered', settledAt: event.at, result: event.progress } : {}),
        })),
      );
    case 'CommitmentDeclaredUndeliverable':
      return withTrack(s, event.unitId, (t) => withCommitment(t, event.commitmentNo, () => ({ status: 'declaredUndeliverable', undeliverableReason: event.reason })));
    case 'UndeliverableRejected':
      return withTrack(s, event.unitId, (t) => withCommitment(t, event.commitmentNo, () => ({ status: 'open' })));
    case 'CommitmentClosed':
      // The legacy rules let the clock close a commitment at the follow-up limit: it lapsed.
      return withTrack(s, event.unitId, (t) =>
        withCommitment(t, event.commitmentNo, (c) => ({
          status: event.by.role === 'clock' ? 'lapsed' : 'undeliverable',
          undeliverableReason: c.undeliverableReason ?? event.reason,
          settledAt: event.at,
          ...(event.by.role === 'clock' ? {} : { result: c.undeliverableReason ?? event.reason }),
        })),
      );
    case 'AnnualSummarySubmitted':
      return withTrack(s, event.unitId, (t) => ({ annualSummaries: [...t.annualSummaries, event.year] }));
    case 'LookBackRecorded':
      return { ...s, lookBackAt: event.at };
    case 'ReplyDeadlineExtended':
      return withTrack(s, event.unitId, (t) => ({ extensionMonths: t.extensionMonths + event.months, extensionRequest: undefined }));
    case 'ExtensionRequested':
      return withTrack(s, event.unitId, () => ({ extensionRequest: { months: event.months, reason: event.reason, at: event.at } }));
    case 'ExtensionRefused':
      return withTrack(s, event.unitId, () => ({ extensionRequest: undefined }));
    case 'CalendarYearAdded':
    case 'CalendarYearCorrected':
      return {
        ...s,
        calendarYears: [...s.calendarYears, event.calendarYear],
        ...(event.version === undefined ? {} : { calendarVersions: { ...s.calendarVersions, [event.calendarYear.year]: event.version } }),
      };
    case 'AlertRaised':
      return { ...s, alertsRaised: { ...s.alertsRaised, [event.alert.key]: event.at } };
    case 'ProposalClosed':
      return { ...s, status: 'closed', closedAt: event.at };
  }
}

/** 重新办理: a new round with its own period, and a new reply with its own commitments. */
const nextRound = (t: Track, at: string): Partial<Track> => ({
  stage: 'drafting',
  round: t.round + 1,
  roundStartedAt: at,
  countersignedBy: [],
  released: [],
  commitments: [],
});

export const fold = (events: ProposalEvent[], from: ProposalState = initialState()): ProposalState => events.reduce(evolve, from);

/** 不立案 with its objection window open, or an objection the committee is reviewing: not over yet. */
export const objectionPending = (s: ProposalState): boolean => s.status === 'notRegistered' && (s.objection?.stage === 'open' || s.objection?.stage === 'objected');

/** Statuses a proposal's workflow ends in. 不立案 is not among them: an objection within its window keeps the proposal running. */
export const FINISHED_STATUSES: readonly ProposalStatus[] = ['closed', 'merged', 'convertedToReport', 'withdrawn'];

export const isFinished = (s: ProposalState): boolean => FINISHED_STATUSES.includes(s.status) || (s.status === 'notRegistered' && !objectionPending(s));

/** The proposal's stage as supervisors see it: its status, or while handling, its least advanced reply. */
export function stageOf(s: ProposalState): string {
  if (s.status !== 'handling') return s.status;
  const stages = Object.values(s.tracks).map((t) => TRACK_STAGES.indexOf(t.stage));
  return TRACK_STAGES[Math.min(...stages)] ?? 'drafting';
}

/** Who acts for the proposers (撤案, 不立案异议): the one proposer, or a joint proposal's lead signer. */
/** Co-signers who declined or did not confirm are no proposers of it: they receive and rate nothing. */
function leftOut(s: ProposalState, ids: string[]): ProposalState {
  return ids.length === 0 ? s : { ...s, intake: { ...s.intake!, proposers: s.intake!.proposers.filter((p) => !ids.includes(p.id)) } };
}

export const leadSigner = (s: ProposalState): Proposer | undefined => leadSignerOf(s.intake?.proposers ?? []);

/** A key proposal (重点提案): filed as one, or selected since by the chairpersons' meeting. */
export const isKey = (s: ProposalState): boolean => Boolean(s.intake?.key || s.key);

/** Everyone the reply goes to and who may rate it: the proposers, and those of merged proposals. */
export function recipients(s: ProposalState): Proposer[] {
  return [...(s.intake?.proposers ?? []), ...s.merged.flatMap((m) => m.proposers)];
}

/** A proposal's state, folded from its events. `evolve` records facts; it never refuses. */
import type { Contact, Intake, Rating, ReplyDraft, Signer, Assignment } from './contracts';
import { replyingUnits } from './contracts';
import type { ProposalEvent } from './events';

export type ProposalStatus =
  | 'new'
  | 'filed' // 受理, awaiting review
  | 'registered' // 立案, awaiting assignment
  | 'merged' // 并案
  | 'notRegistered' // 不立案
  | 'convertedToReport' // 转社情民意
  | 'handling' // assigned; units at work
  | 'closed'; // 办结

/** The stages of one unit's reply, in the order they are reached. */
export const TRACK_STAGES = [
  'drafting',
  'countersigning', // 会签: waiting for co-handlers
  'drafted', // ready to submit
  'underReview', // 审核 by the committee
  'approved', // ready to sign and issue
  'replied', // 答复 issued, proposers rating
  'consultation', // still 不满意 after re-handling: the committee arranges a meeting
  'followUp', // 跟踪办理 of open commitments
  'done',
] as const;
export type TrackStage = (typeof TRACK_STAGES)[number];

export interface CommitmentState {
  no: number;
  title: string;
  text: string;
  status: 'open' | 'done' | 'closed';
  /** When the current follow-up period began: the reply, or the last progress report. */
  periodStartedAt: string;
  reports: number;
}

export interface IssuedReply {
  at: string;
  signer: Signer;
  documentNumber: string;
  replyClass: string;
  draft: ReplyDraft;
}

export interface RoundResult {
  round: number;
  issuedAt: string;
  replyClass: string;
  ratings: Record<string, Rating>;
  outcome: string;
}

/** One reply owed to the proposers: the lead unit's joint reply, or one separate unit's. */
export interface Track {
  unitId: string;
  countersigners: string[];
  stage: TrackStage;
  /** 1 for the first reply; each re-handling after 不满意 starts another. */
  round: number;
  roundStartedAt: string;
  draft?: ReplyDraft;
  draftedAt?: string;
  countersignedBy: string[];
  approvedClass?: string;
  issued?: IssuedReply;
  ratings: Record<string, Rating>;
  commitments: CommitmentState[];
  extensionMonths: number;
  rounds: RoundResult[];
}

export interface ProposalState {
  status: ProposalStatus;
  version: number;
  intake?: Intake;
  filedAt?: string;
  reviewedAt?: string;
  reviewReason?: string;
  mergedInto?: number;
  assignment?: Assignment;
  assignedAt?: string;
  reassignmentRequests: Record<string, { reason: string; at: string; status: 'pending' | 'refused'; decisionReason?: string }>;
  opinions: Record<string, { text: string; at: string }>;
  contacts: { unitId: string; at: string; contact: Contact }[];
  tracks: Record<string, Track>;
  /** Alerts raised so far, by key: each is raised once. */
  alertsRaised: Record<string, string>;
  closedAt?: string;
}

export const initialState = (): ProposalState => ({
  status: 'new',
  version: 0,
  reassignmentRequests: {},
  opinions: {},
  contacts: [],
  tracks: {},
  alertsRaised: {},
});

function newTracks(assignment: Assignment, at: string): Record<string, Track> {
  const countersigners = assignment.mode === 'joint' ? assignment.coHandlers : [];
  return Object.fromEntries(
    replyingUnits(assignment).map((unitId) => [
      unitId,
      {
        unitId,
        countersigners,
        stage: 'drafting',
        round: 1,
        roundStartedAt: at,
        countersignedBy: [],
        ratings: {},
        commitments: [],
        extensionMonths: 0,
        rounds: [],
      } satisfies Track,
    ]),
  );
}

function withTrack(state: ProposalState, unitId: string, change: (t: Track) => Partial<Track>): ProposalState {
  const track = state.tracks[unitId];
  if (!track) return state;
  return { ...state, tracks: { ...state.tracks, [unitId]: { ...track, ...change(track) } } };
}

export const openCommitments = (t: Track) => t.commitments.filter((c) => c.status === 'open');

/** After a commitment is settled, the track is done once none is open. */
const settle = (t: Track, no: number, status: 'done' | 'closed', at: string): Partial<Track> => {
  const commitments = t.commitments.map((c) =>
    c.no === no ? { ...c, status, periodStartedAt: at, reports: c.reports + (status === 'done' ? 1 : 0) } : c,
  );
  return { commitments, stage: commitments.some((c) => c.status === 'open') ? 'followUp' : 'done' };
};

export function evolve(state: ProposalState, event: ProposalEvent): ProposalState {
  const s = { ...state, version: state.version + 1 };
  switch (event.type) {
    case 'ProposalFiled':
      return { ...s, status: 'filed', intake: event.intake, filedAt: event.at };
    case 'ProposalRegistered':
      return { ...s, status: 'registered', reviewedAt: event.at };
    case 'ProposalMerged':
      return { ...s, status: 'merged', reviewedAt: event.at, mergedInto: event.intoNumber, reviewReason: event.reason };
    case 'ProposalNotRegistered':
      return { ...s, status: 'notRegistered', reviewedAt: event.at, reviewReason: event.reason };
    case 'ProposalConvertedToReport':
      return { ...s, status: 'convertedToReport', reviewedAt: event.at, reviewReason: event.reason };
    case 'ProposalAssigned':
    case 'ProposalReassigned':
      // Assignment time starts every handling period, so a reassignment starts them afresh.
      return {
        ...s,
        status: 'handling',
        assignment: event.assignment,
        assignedAt: event.at,
        reassignmentRequests: {},
        opinions: {},
        tracks: newTracks(event.assignment, event.at),
      };
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
        stage: t.countersigners.length > 0 ? 'countersigning' : 'drafted',
      }));
    case 'DraftCountersigned':
      return withTrack(s, event.leadUnitId, (t) => {
        const countersignedBy = [...t.countersignedBy, event.unitId];
        const complete = t.countersigners.every((u) => countersignedBy.includes(u));
        return { countersignedBy, stage: complete ? 'drafted' : 'countersigning' };
      });
    case 'DraftChangesRequested':
      return withTrack(s, event.leadUnitId, () => ({ stage: 'drafting', countersignedBy: [] }));
    case 'ReplySubmitted':
      return withTrack(s, event.unitId, () => ({ stage: 'underReview' }));
    case 'ReplyReturned':
      return withTrack(s, event.unitId, () => ({ stage: 'drafting', countersignedBy: [] }));
    case 'ReplyApproved':
      return withTrack(s, event.unitId, () => ({ stage: 'approved', approvedClass: event.replyClass }));
    case 'ReplyIssued':
      return withTrack(s, event.unitId, (t) => ({
        stage: 'replied',
        ratings: {},
        issued: { at: event.at, signer: event.signer, documentNumber: event.documentNumber, replyClass: event.replyClass, draft: t.draft! },
        commitments: (t.draft?.commitments ?? []).map((c) => ({ ...c, status: 'open', periodStartedAt: event.at, reports: 0 })),
      }));
    case 'ReplyEvaluated':
      return withTrack(s, event.unitId, (t) => ({ ratings: { ...t.ratings, [event.proposerId]: event.rating } }));
    case 'EvaluationConcluded':
      return withTrack(s, event.unitId, (t) => {
        const rounds = [
          ...t.rounds,
          { round: t.round, issuedAt: t.issued!.at, replyClass: t.issued!.replyClass, ratings: t.ratings, outcome: event.outcome },
        ];
        if (event.outcome === 'rehandle') {
          return { rounds, stage: 'drafting', round: t.round + 1, roundStartedAt: event.at, countersignedBy: [], commitments: [] };
        }
        if (event.outcome === 'consult') return { rounds, stage: 'consultation' };
        return { rounds, stage: openCommitments(t).length > 0 ? 'followUp' : 'done' };
      });
    case 'ConsultationHeld':
      return withTrack(s, event.unitId, (t) => ({ stage: openCommitments(t).length > 0 ? 'followUp' : 'done' }));
    case 'FollowUpReported':
      return withTrack(s, event.unitId, (t) =>
        event.done
          ? settle(t, event.commitmentNo, 'done', event.at)
          : {
              commitments: t.commitments.map((c) =>
                c.no === event.commitmentNo ? { ...c, periodStartedAt: event.at, reports: c.reports + 1 } : c,
              ),
            },
      );
    case 'CommitmentClosed':
      return withTrack(s, event.unitId, (t) => settle(t, event.commitmentNo, 'closed', event.at));
    case 'ReplyDeadlineExtended':
      return withTrack(s, event.unitId, (t) => ({ extensionMonths: t.extensionMonths + event.months }));
    case 'AlertRaised':
      return { ...s, alertsRaised: { ...s.alertsRaised, [event.alert.key]: event.at } };
    case 'ProposalClosed':
      return { ...s, status: 'closed', closedAt: event.at };
  }
}

export const fold = (events: ProposalEvent[], from: ProposalState = initialState()): ProposalState => events.reduce(evolve, from);

export const isFinished = (s: ProposalState): boolean =>
  s.status === 'closed' || s.status === 'merged' || s.status === 'notRegistered' || s.status === 'convertedToReport';

/** The proposal's stage as supervisors see it: its status, or while handling, its least advanced reply. */
export function stageOf(s: ProposalState): string {
  if (s.status !== 'handling') return s.status;
  const stages = Object.values(s.tracks).map((t) => TRACK_STAGES.indexOf(t.stage));
  return TRACK_STAGES[Math.min(...stages)] ?? 'drafting';
}


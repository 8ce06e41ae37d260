/**
 * The part of a proposal's state that lists, search and statistics need, small enough to send
 * with every projection without swelling the workflow's history; the full state stays in the
 * workflow and is read by Query. What a figure needs from the pinned policy (due dates, which
 * rating counts) is worked out here, so statistics never need the policy.
 */
import type { Assignment, Contact, Proposer } from './contracts';
import { type Duty, followUpLimit, replyDue } from './duties';
import type { SettledDuty } from './ledger';
import type { HandlingPolicy } from './policy';
import { type ProposalState, type Track, type TrackStage, isKey, recipients, stageOf } from './state';
import { type CommitmentStatus, type DutyKind, type Rating, lowestRating } from './vocabulary';

export interface ProposalSummary {
  sessionId: string;
  sessionName: string;
  number: number;
  title: string;
  category: string;
  key: boolean;
  /** A key proposal's supervising leaders (领衔督办), who may read it. */
  keyLeaders: string[];
  /** `kind`: a member (委员提案) or a party group or committee (集体提案); absent in rows projected before it was kept. */
  proposers: { id: string; name: string; leadSigner: boolean; kind?: Proposer['kind'] }[];
  status: ProposalState['status'];
  stage: string;
  version: number;
  filedAt: string;
  assignedAt: string | null;
  closedAt: string | null;
  assignment: Assignment | null;
  /** 机构改革: units that passed their part to a successor; their past figures stay theirs (absent in rows projected before). */
  formerUnits?: string[];
  contacts: { unitId: string; form: Contact['form']; phase: Contact['phase']; at: string }[];
  replies: {
    unitId: string;
    /** The unit that issued the reply, where a successor has taken it over since (机构改革). */
    issuedBy?: string;
    stage: TrackStage;
    round: number;
    replyClass: string | null;
    documentNumber: string | null;
    /** 答复公开 of the latest reply, once decided. */
    publication: { decision: 'full' | 'summary' | 'withheld'; summary?: string } | null;
    /** When the current round's reply is due. */
    dueAt: string;
    issuedAt: string | null;
    /** The first reply and its due date (assignment plus the reply period and any extension): 办复率 counts it. */
    firstIssuedAt: string | null;
    firstDueAt: string;
    recipients: string[];
    copiedTo: string[];
    ratings: Record<string, Rating>;
    /** The rating that counts for 满意率 (the policy's basis: the lowest, or the lead signer's), latest and first reply. */
    rating: Rating | null;
    firstRating: Rating | null;
    rounds: { round: number; ratings: Record<string, Rating>; outcome: string }[];
    commitments: { no: number; title: string; status: CommitmentStatus; deliveryDueAt: string }[];
  }[];
  /** Every owed duty: settled ones with when they were done, and those still open. */
  duties: { settled: SettledDuty[]; open: { key: string; kind: DutyKind; unitId: string | null; dueAt: string }[] };
}

/** The one rating of a round that counts: by default the lowest, so one 不满意 makes the proposal unsatisfied. */
function countedRating(ratings: Record<string, Rating>, s: ProposalState, policy: HandlingPolicy): Rating | null {
  if (policy.satisfactionBasis === 'leadSigner') {
    const lead = s.intake!.proposers.find((p) => p.leadSigner)?.id;
    return (lead && ratings[lead]) || null;
  }
  return lowestRating(Object.values(ratings));
}

function reply(t: Track, s: ProposalState, policy: HandlingPolicy): ProposalSummary['replies'][number] {
  const firstRatings = t.rounds[0]?.ratings ?? (t.round === 1 ? t.ratings : {});
  const deliveryDueAt = t.issued ? followUpLimit(t, policy).at : '';
  return {
    unitId: t.unitId,
    ...(t.issued?.issuedBy ? { issuedBy: t.issued.issuedBy } : {}),
    stage: t.stage,
    round: t.round,
    replyClass: t.issued?.replyClass ?? t.approvedClass ?? null,
    documentNumber: t.issued?.documentNumber ?? null,
    // The reason for withholding stays with the committee's record: the summary says only that it is withheld.
    publication: t.publication ? { decision: t.publication.decision, ...(t.publication.summary ? { summary: t.publication.summary } : {}) } : null,
    dueAt: replyDue(t, policy).at,
    issuedAt: t.issued?.at ?? null,
    firstIssuedAt: t.rounds[0]?.issuedAt ?? (t.round === 1 ? (t.issued?.at ?? null) : null),
    firstDueAt: replyDue({ ...t, round: 1, roundStartedAt: s.unitAssignedAt[t.unitId] ?? s.assignedAt! }, policy).at,
    recipients: t.issued?.recipients ?? [],
    copiedTo: t.issued?.copiedTo ?? [],
    ratings: t.ratings,
    rating: countedRating(t.ratings, s, policy),
    firstRating: countedRating(firstRatings, s, policy),
    rounds: t.rounds.map((r) => ({ round: r.round, ratings: r.ratings, outcome: r.outcome })),
    commitments: t.commitments.map((c) => ({ no: c.no, title: c.title, status: c.status, deliveryDueAt })),
  };
}

/** `open`: the proposal's open duties as the projection writes them, computed once by the caller. */
export function summarize(s: ProposalState, policy: HandlingPolicy, settled: SettledDuty[], open: readonly Duty[]): ProposalSummary {
  const intake = s.intake!;
  return {
    sessionId: intake.session.id,
    sessionName: intake.session.name,
    number: intake.number,
    title: intake.title,
    category: intake.category,
    key: isKey(s),
    keyLeaders: s.key?.leaders ?? [],
    proposers: recipients(s).map((p) => ({ id: p.id, name: p.name, leadSigner: p.leadSigner, kind: p.kind })),
    status: s.status,
    stage: stageOf(s),
    version: s.version,
    filedAt: s.filedAt!,
    assignedAt: s.assignedAt ?? null,
    closedAt: s.closedAt ?? null,
    assignment: s.assignment ?? null,
    formerUnits: (s.formerUnits ?? []).map((f) => f.unitId),
    contacts: s.contacts.map((c) => ({ unitId: c.unitId, form: c.contact.form, phase: c.contact.phase, at: c.contact.occurredAt })),
    replies: Object.values(s.tracks).map((t) => reply(t, s, policy)),
    duties: {
      settled,
      open: open
        .filter((d) => !d.window && !d.optional)
        .map((d) => ({ key: d.key, kind: d.kind, unitId: d.unitId, dueAt: d.due.at })),
    },
  };
}

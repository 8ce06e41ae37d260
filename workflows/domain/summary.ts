/**
 * The part of a proposal's state that lists, search and statistics need, small enough to send
 * with every projection without swelling the workflow's history; the full state stays in the
 * workflow and is read by Query.
 */
import type { Assignment, Contact, Rating } from './contracts';
import { replyDue } from './duties';
import type { HandlingPolicy } from './policy';
import { type ProposalState, type TrackStage, stageOf } from './state';

export interface ProposalSummary {
  sessionId: string;
  sessionName: string;
  number: number;
  title: string;
  category: string;
  key: boolean;
  proposers: { id: string; name: string }[];
  status: ProposalState['status'];
  stage: string;
  version: number;
  filedAt: string;
  assignedAt: string | null;
  closedAt: string | null;
  assignment: Assignment | null;
  contacts: { unitId: string; form: Contact['form']; phase: Contact['phase']; at: string }[];
  replies: {
    unitId: string;
    stage: TrackStage;
    round: number;
    replyClass: string | null;
    /** When the current round's reply is due. */
    dueAt: string;
    issuedAt: string | null;
    /** The first reply and its due date (assignment plus the reply period and any extension): 办复率 counts it. */
    firstIssuedAt: string | null;
    firstDueAt: string;
    ratings: Record<string, Rating>;
    /** Earlier rounds' ratings: the first one gives the first-reply satisfaction rate. */
    rounds: { round: number; ratings: Record<string, Rating>; outcome: string }[];
    commitments: { no: number; title: string; status: string }[];
  }[];
}

export function summarize(s: ProposalState, policy: HandlingPolicy): ProposalSummary {
  const intake = s.intake!;
  return {
    sessionId: intake.session.id,
    sessionName: intake.session.name,
    number: intake.number,
    title: intake.title,
    category: intake.category,
    key: intake.key,
    proposers: intake.proposers.map((p) => ({ id: p.id, name: p.name })),
    status: s.status,
    stage: stageOf(s),
    version: s.version,
    filedAt: s.filedAt!,
    assignedAt: s.assignedAt ?? null,
    closedAt: s.closedAt ?? null,
    assignment: s.assignment ?? null,
    contacts: s.contacts.map((c) => ({ unitId: c.unitId, form: c.contact.form, phase: c.contact.phase, at: c.contact.occurredAt })),
    replies: Object.values(s.tracks).map((t) => ({
      unitId: t.unitId,
      stage: t.stage,
      round: t.round,
      replyClass: t.issued?.replyClass ?? t.approvedClass ?? null,
      dueAt: replyDue(t, policy).at,
      issuedAt: t.issued?.at ?? null,
      firstIssuedAt: t.rounds[0]?.issuedAt ?? (t.round === 1 ? (t.issued?.at ?? null) : null),
      firstDueAt: replyDue({ ...t, round: 1, roundStartedAt: s.assignedAt! }, policy).at,
      ratings: t.ratings,
      rounds: t.rounds.map((r) => ({ round: r.round, ratings: r.ratings, outcome: r.outcome })),
      commitments: t.commitments.map((c) => ({ no: c.no, title: c.title, status: c.status })),
    })),
  };
}

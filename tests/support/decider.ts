/**
 * Given/when/then for the decider: the people of proposal 202, the commands they send, and the
 * checks the specifications share. A refusal while setting up a `given` is a broken test.
 */
import type { Actor, Command } from '../../workflows/domain/commands';
import type { Assignment, Signer } from '../../workflows/domain/contracts';
import type { ProposalEvent } from '../../workflows/domain/events';
import { decide, decideUnknown, fileProposal } from '../../workflows/domain/lifecycle';
import type { HandlingPolicy } from '../../workflows/domain/policy';
import type { Refusal } from '../../workflows/domain/refusals';
import { elapse } from '../../workflows/domain/schedule';
import { type ProposalState, evolve, fold, initialState } from '../../workflows/domain/state';
import { defaultPolicy } from '../../seeds/policy';
import { referenceCase } from '../../seeds/reference-case';

export const policy = defaultPolicy();
export const c202 = referenceCase();
/** The 2024 assignment meeting, 10:00 in Sanmenxia. */
export const T0 = '2024-03-21T02:00:00.000Z';
export const later = (iso: string, days: number) => new Date(Date.parse(iso) + days * 86_400_000).toISOString();
/** 10:00 in Sanmenxia on a local date. */
export const on = (date: string) => `${date}T02:00:00.000Z`;

export const committee: Actor = { role: 'committee', id: 'committee-clerk' };
export const drc: Actor = { role: 'officer', id: 'drc-officer', unitId: 'smx-drc' };
export const stb: Actor = { role: 'officer', id: 'stb-officer', unitId: 'smx-stb' };
export const edu: Actor = { role: 'officer', id: 'edu-officer', unitId: 'smx-edu' };
export const wang: Actor = { role: 'proposer', id: 'wang-fengjie' };
export const sun: Actor = { role: 'proposer', id: 'sun-yurong' };
export const li: Actor = { role: 'proposer', id: 'li-baosong' };
export const stranger: Actor = { role: 'proposer', id: 'someone-else' };
/** 领衔督办: a vice-chair who supervises key proposals; another who supervises none of these. */
export const viceChair: Actor = { role: 'leader', id: 'vice-chair-zhang' };
export const otherLeader: Actor = { role: 'leader', id: 'vice-chair-zhao' };
export const markKey: Command = { type: 'markKey', actor: committee, leaders: ['vice-chair-zhang'], memberInCharge: '刘委员', reason: '主席会议遴选为重点提案' };

export const joint: Assignment = { mode: 'joint', lead: 'smx-drc', coHandlers: ['smx-stb'] };
export const contact = (when = T0) => ({ ...c202.contacts[0]!.contact, occurredAt: when });
export const draft = c202.draft;
/** 202's draft issued by the lead unit alone (no 联合答复). */
export const { coIssuers: _coIssuers, ...soleDraft } = draft;

export function filed(intake = c202.intake, at = T0): ProposalState {
  return evolve(initialState(), fileProposal(intake, committee, at, policy));
}

/** Applies commands as given facts, each at `now`. */
export function given(commands: Command[], now = T0, from: ProposalState = filed(), p: HandlingPolicy = policy): ProposalState {
  return commands.reduce((state, command) => {
    const d = decide(command, state, { now, policy: p });
    if (!d.ok) throw new Error(`given ${command.type} was refused: ${d.refusal.message}`);
    return fold(d.events, state);
  }, from);
}

/** Lets the clock run to `now`: what it raises and closes, folded in. */
export const tick = (s: ProposalState, now: string, p: HandlingPolicy = policy) => fold(elapse(s, { now, policy: p }), s);

export const register: Command = { type: 'review', actor: committee, review: { outcome: 'register' } };
export const assign = (assignment: Assignment = joint): Command => ({ type: 'assign', actor: committee, assignment });
export const recordContact = (actor: Actor = drc, when = T0): Command => ({ type: 'recordContact', actor, contact: contact(when) });
export const opinion = (actor: Actor = stb): Command => ({ type: 'submitOpinion', actor, text: c202.opinion.text });
export const draftReply = (actor: Actor = drc, d = draft): Command => ({ type: 'draftReply', actor, draft: d });
/** 会签; the Science Bureau co-issues 202's reply, so its head signs as it countersigns (null: a draft it does not co-issue). */
export const countersign = (actor: Actor = stb, signer: Signer | null = actor === stb ? c202.coSigner : null): Command => ({ type: 'countersign', actor, ...(signer ? { signer } : {}) });
export const submit = (actor: Actor = drc): Command => ({ type: 'submitReply', actor });
export const accept: Command = { type: 'reviewReply', actor: committee, review: { decision: 'accept' } };
export const issue = (actor: Actor = drc): Command => ({ type: 'issueReply', actor, signer: c202.signer });
export const rate = (actor: Actor, rating: 'satisfied' | 'basicallySatisfied' | 'unsatisfied' = 'satisfied'): Command => ({ type: 'evaluate', actor, rating });
export const report = (no: number, done = true, actor: Actor = drc): Command => ({ type: 'reportFollowUp', actor, commitmentNo: no, progress: done ? '已完成' : '按计划推进', done });

/** 延期: the unit asks for more months before its reply is due, and the committee grants them. */
export const askExtension = (months: number, actor: Actor = drc): Command => ({ type: 'requestExtension', actor, months, reason: '涉及跨年度项目' });
export const grantExtension: Command = { type: 'decideExtension', actor: committee, decision: 'grant', reason: '同意延期' };
export const extension = (months: number): Command[] => [askExtension(months), grantExtension];

export const toAssigned = [register, assign()];
export const toDraftable = [...toAssigned, recordContact(), opinion()];
export const toCountersigning = [...toDraftable, draftReply()];
export const toUnderReview = [...toCountersigning, countersign(), submit()];
/** 答复公开: the DRC publishes its reply in full. */
export const publish = (actor: Actor = drc, publication: { decision: 'full' } | { decision: 'summary'; summary: string } | { decision: 'withheld'; reason: string } = { decision: 'full' }): Command => ({ type: 'decidePublication', actor, publication });
export const toReplied = [...toUnderReview, accept, issue(), publish()];
export const toFollowUp = [...toReplied, rate(wang), rate(sun), rate(li, 'basicallySatisfied')];

/** Then: the events decided, without their time and actor unless asked. */
export function then(state: ProposalState, command: Command | unknown, now = T0, p: HandlingPolicy = policy): Omit<ProposalEvent, 'at' | 'by'>[] {
  const d = decideUnknown(command, state, { now, policy: p });
  if (!d.ok) throw new Error(`refused: ${d.refusal.code} ${d.refusal.message}`);
  return d.events.map(({ at: _at, by: _by, ...rest }) => rest);
}

export const typesOf = (events: { type: string }[]) => events.map((e) => e.type);

/** Then: the refusal, with its code, message and the field at fault. */
export function refusal(state: ProposalState, command: Command | unknown, now = T0, p: HandlingPolicy = policy): Refusal {
  const d = decideUnknown(command, state, { now, policy: p });
  if (d.ok) throw new Error(`accepted with ${d.events.map((e) => e.type).join(', ')}, but a refusal was expected`);
  return d.refusal;
}

/**
 * The rules of DOMAIN.md as specifications: given the proposal got this far, when someone
 * acts, then these events follow, or this typed refusal.
 */
import type { Actor, Command } from '../../workflows/domain/commands';
import { allowedActions, decide, fileProposal } from '../../workflows/domain/lifecycle';
import type { Assignment } from '../../workflows/domain/contracts';
import { openDuties, opinionDue, replyDue } from '../../workflows/domain/duties';
import { isOverdue } from '../../workflows/domain/calendar';
import { scheduledAlerts } from '../../workflows/domain/alerts';
import { settle } from '../../workflows/domain/ledger';
import type { RefusalCode } from '../../workflows/domain/refusals';
import { nextWakeUp, elapse } from '../../workflows/domain/schedule';
import { type ProposalState, evolve, initialState, isFinished, recipients, stageOf } from '../../workflows/domain/state';
import {
  T0, accept, assign, c202, committee, contact, countersign, draft, soleDraft, draftReply, drc, edu, given, issue, joint, later, li, opinion, policy,
  rate, recordContact, refusal, register, report, stb, stranger, submit, sun, then, toAssigned, toCountersigning, toDraftable, toFollowUp,
  toReplied, toUnderReview, typesOf, wang, filed, tick, askExtension, grantExtension, extension, on, viceChair, otherLeader, markKey, publish,
} from '../support/decider';
import { type HandlingPolicy, pinnedPolicy } from '../../workflows/domain/policy';

const events = (state: ProposalState, command: Command | unknown, now = T0) => typesOf(then(state, command, now));
/** The refusal's code and the field at fault (none unless given). */
const refused = (state: ProposalState, command: Command | unknown, code: RefusalCode, now = T0, path?: (string | number)[]) => {
  const r = refusal(state, command, now);
  expect({ code: r.code, path: r.path }).toEqual({ code, path });
};

describe('不立案异议: the lead signer objects within the window and the committee reviews again', () => {
  const notRegister: Command = { type: 'review', actor: committee, review: { outcome: 'notRegister', reason: '不属于政协提案范围' } };
  const object: Command = { type: 'objectToReview', actor: wang, reason: '建议有具体内容，属于提案范围' };
  const decision = (d: 'register' | 'keep'): Command => ({ type: 'decideObjection', actor: committee, decision: d, reason: '复核意见' });

  test('given 不立案, when the lead signer objects in time and the committee registers it, then it is assigned as any registered proposal', () => {
    const s = given([notRegister]);
    expect([s.status, isFinished(s)]).toEqual(['notRegistered', false]);
    expect(openDuties(s, policy, T0)).toEqual([expect.objectContaining({ kind: 'reviewObjection', proposerId: 'wang-fengjie', window: true, due: { date: '2024-04-07', at: '2024-04-07T16:00:00.000Z' } })]);
    refused(s, { ...object, actor: sun }, 'forbidden');
    refused(s, decision('register'), 'notFound');
    // On the 调休 Sunday, the window's last day, it is still in time.
    expect(then(s, object, on('2024-04-07'))).toEqual([{ type: 'ReviewObjected', reason: '建议有具体内容，属于提案范围' }]);
    const objected = given([object], on('2024-04-07'), s);
    refused(objected, object, 'alreadyDone', on('2024-04-07'));
    // The committee's review is its duty: due five working days on (Fri 12 April), warned and chased like its others.
    expect(openDuties(objected, policy, on('2024-04-07'))).toEqual([expect.objectContaining({ kind: 'objectionReview', unitId: null, due: expect.objectContaining({ date: '2024-04-12' }) })]);
    expect(scheduledAlerts(objected, policy, on('2024-04-07')).map((a) => `${a.kind}:${a.audience}`)).toEqual(['warning:committee', 'overdue:committee']);
    const registered = given([decision('register')], on('2024-04-10'), objected);
    expect([registered.status, registered.objection?.stage, isFinished(registered)]).toEqual(['registered', 'registered', false]);
    expect(events(registered, assign())).toEqual(['ProposalAssigned']);
  });

  test('given an objection, when the committee keeps 不立案, then the proposal is finished', () => {
    const kept = given([notRegister, object, decision('keep')]);
    expect([kept.status, kept.objection?.stage, isFinished(kept)]).toEqual(['notRegistered', 'kept', true]);
    refused(kept, object, 'alreadyDone');
  });

  test('given no objection, when the window passes, then the clock ends it and a late objection is refused', () => {
    const s = given([notRegister]);
    expect(nextWakeUp(s, { now: T0, policy })).toBe('2024-04-07T16:00:00.000Z');
    refused(s, object, 'windowClosed', on('2024-04-08'));
    const lapsed = tick(s, on('2024-04-08'));
    expect([lapsed.objection?.stage, isFinished(lapsed)]).toEqual(['lapsed', true]);
    refused(lapsed, object, 'windowClosed', on('2024-04-08'));
  });

  test('given a proposal pinned before the window, when not registered, then it is finished at once, as it was', () => {
    const old = pinnedPolicy({ ...policy, periods: { ...policy.periods, reviewObjection: undefined } } as never, false);
    const s = given([notRegister], T0, filed(), old);
    expect([s.objection, isFinished(s)]).toEqual([undefined, true]);
  });
});

describe('each reply class says what follow-up it needs (DOMAIN.md 13)', () => {
  const noCommitments = { ...draft, commitments: [], commitmentsHeading: undefined };
  test('given the default scheme, when drafting, then class B must list its commitments and class C may list none; class A either way', () => {
    const s = given(toDraftable);
    expect(refusal(s, draftReply(drc, { ...noCommitments, replyClass: 'B' }))).toEqual({
      code: 'invalid', message: 'a class B reply lists the commitments that will be followed up; it lists none', path: ['draft', 'commitments'],
    });
    expect(refusal(s, draftReply(drc, { ...draft, replyClass: 'C' }))).toEqual({
      code: 'invalid', message: 'a class C reply promises nothing to follow up; it lists 4 commitment(s)', path: ['draft', 'commitments'],
    });
    for (const d of [{ ...noCommitments, replyClass: 'C' }, { ...noCommitments, replyClass: 'A' }, { ...draft, replyClass: 'A' }, draft]) expect(events(s, draftReply(drc, d))).toEqual(['ReplyDrafted']);
  });

  test('given a class B reply with commitments under review, when the committee corrects it to C, then it is refused: it is returned for rework instead', () => {
    const s = given(toUnderReview);
    expect(refusal(s, { type: 'reviewReply', actor: committee, review: { decision: 'accept', correctedClass: 'C' } })).toMatchObject({ code: 'invalid', path: ['review', 'correctedClass'] });
    expect(events(s, { type: 'reviewReply', actor: committee, review: { decision: 'accept', correctedClass: 'A' } })).toEqual(['ReplyApproved']);
  });

  test('given a class C reply with no commitments, when issued and rated, then there is nothing to follow up and the proposal closes', () => {
    const c = [...toDraftable, draftReply(drc, { ...noCommitments, replyClass: 'C' }), countersign(), submit(), accept, issue(), publish(), rate(wang), rate(sun)];
    expect(events(given(c), rate(li))).toEqual(['ReplyEvaluated', 'EvaluationConcluded', 'ProposalClosed']);
  });

  test('given a scheme pinned before classes said so, then any class may carry commitments or none', () => {
    const old: HandlingPolicy = { ...policy, classScheme: policy.classScheme.map(({ code, label }) => ({ code, label })) };
    const s = given(toDraftable, T0, filed(), old);
    expect(typesOf(then(s, draftReply(drc, { ...noCommitments, replyClass: 'B' }), T0, old))).toEqual(['ReplyDrafted']);
    expect(typesOf(then(s, draftReply(drc, { ...draft, replyClass: 'C' }), T0, old))).toEqual(['ReplyDrafted']);
  });
});

describe('联名: a member’s joint proposal counts each co-signer once they confirm', () => {
  const byWang = (p: HandlingPolicy = policy) => evolve(initialState(), fileProposal(c202.intake, wang, T0, p));
  const answer = (actor: Actor, decision: 'confirm' | 'decline'): Command => ({ type: 'answerCosigning', actor, decision });

  test('given 王凤杰 files with two co-signers, when one confirms and one declines, then only the confirmed one is a proposer', () => {
    const s = byWang();
    expect(s.cosigners).toEqual({ 'sun-yurong': 'pending', 'li-baosong': 'pending' });
    expect(allowedActions(s, sun, { now: T0, policy }).map((a) => a.action)).toEqual(['answerCosigning']);
    refused(s, answer(wang, 'confirm'), 'forbidden');
    const answered = given([answer(sun, 'confirm'), answer(li, 'decline')], T0, s);
    refused(answered, answer(sun, 'decline'), 'alreadyDone');
    expect(answered.cosigners).toEqual({ 'sun-yurong': 'confirmed', 'li-baosong': 'declined' });
    expect(recipients(answered).map((p) => p.id)).toEqual(['wang-fengjie', 'sun-yurong']);
    // The reply's salutation then names the two who are proposers.
    const offer = allowedActions(given([register, assign(), recordContact(), opinion()], T0, answered), drc, { now: T0, policy }).find((a) => a.action === 'draftReply');
    expect(offer?.recipients).toEqual(['王凤杰', '孙钰蓉']);
  });

  test('given a co-signer silent when the committee reviews, then they are left out and can no longer answer', () => {
    const s = given([answer(sun, 'confirm')], T0, byWang());
    expect(typesOf(then(s, register))).toEqual(['CosignersLapsed', 'ProposalRegistered']);
    const reviewed = given([register], T0, s);
    expect(reviewed.cosigners!['li-baosong']).toBe('lapsed');
    expect(recipients(reviewed).map((p) => p.id)).toEqual(['wang-fengjie', 'sun-yurong']);
    refused(reviewed, answer(li, 'confirm'), 'windowClosed');
  });

  test('given the committee files the proposal (the paper form is signed), or a policy pinned before, then every proposer counts as filed', () => {
    expect(filed().cosigners).toBeUndefined();
    expect(byWang(pinnedPolicy({ ...policy, cosignerConfirmation: undefined } as unknown as HandlingPolicy, false)).cosigners).toBeUndefined();
  });
});

describe('intake and review (受理, 审查)', () => {
  test('a filed proposal is registered, merged, not registered, or turned into a report', () => {
    expect(then(filed(), register)).toEqual([{ type: 'ProposalRegistered' }]);
    expect(then(filed(), { type: 'review', actor: committee, review: { outcome: 'merge', intoNumber: 150, reason: '与第150号提案内容相近' } })).toEqual([{ type: 'ProposalMerged', intoNumber: 150, reason: '与第150号提案内容相近' }]);
    // With the window for an objection: ten working days from Thu 21 March, across Qingming (4–6 April), end on the 调休 Sunday 7 April.
    expect(then(filed(), { type: 'review', actor: committee, review: { outcome: 'notRegister', reason: '不属于政协提案范围' } })).toEqual([
      { type: 'ProposalNotRegistered', reason: '不属于政协提案范围', objectionUntil: { date: '2024-04-07', at: '2024-04-07T16:00:00.000Z' } },
    ]);
    expect(then(filed(), { type: 'review', actor: committee, review: { outcome: 'convertToReport', reason: '转社情民意信息' } })).toEqual([{ type: 'ProposalConvertedToReport', reason: '转社情民意信息' }]);
  });

  test('merged, not registered and converted proposals are finished and never handled', () => {
    const merged = given([{ type: 'review', actor: committee, review: { outcome: 'merge', intoNumber: 150, reason: '并案' } }]);
    expect(merged.status).toBe('merged');
    refused(merged, assign(), 'wrongStage');
    refused(merged, register, 'wrongStage');
  });

  test('refusals: only the committee reviews; only once; a proposal is not merged into itself; a reason is required', () => {
    refused(filed(), { ...register, actor: drc }, 'forbidden');
    refused(filed(), { ...register, actor: wang }, 'forbidden');
    refused(given([register]), register, 'wrongStage');
    expect(refusal(filed(), { type: 'review', actor: committee, review: { outcome: 'merge', intoNumber: 202, reason: 'x' } })).toMatchObject({ code: 'invalid', path: ['review', 'intoNumber'] });
    expect(refusal(filed(), { type: 'review', actor: committee, review: { outcome: 'notRegister' } })).toMatchObject({ code: 'invalid', path: ['review', 'reason'] });
  });
});

describe('assignment (交办)', () => {
  test('a registered proposal is assigned to a lead and co-handlers; every period starts then', () => {
    const s = given(toAssigned);
    expect(s.status).toBe('handling');
    expect(Object.keys(s.tracks)).toEqual(['smx-drc']);
    expect(s.tracks['smx-drc']!.countersigners).toEqual(['smx-stb']);
    const duties = openDuties(s, policy, T0).map((d) => `${d.kind}:${d.unitId}:${d.due.date}`);
    expect(duties).toEqual([
      'reassignmentWindow:smx-drc:2024-03-28', // 5 working days
      'reassignmentWindow:smx-stb:2024-03-28',
      'coHandlerOpinion:smx-stb:2024-04-22', // 1 month: 21 April is a Sunday
      'contactBeforeHandling:smx-drc:2024-04-12', // 15 working days
      'reply:smx-drc:2024-06-21', // 3 months
    ]);
  });

  test('separate handling (分办) gives every unit its own reply', () => {
    const s = given([register, assign({ mode: 'separate', units: ['smx-drc', 'smx-stb'] })]);
    expect(Object.keys(s.tracks).sort()).toEqual(['smx-drc', 'smx-stb']);
    expect(s.tracks['smx-stb']!.countersigners).toEqual([]);
  });

  test('refusals: only the committee, only registered proposals, each unit once', () => {
    refused(given([register]), { ...assign(), actor: drc }, 'forbidden');
    refused(filed(), assign(), 'wrongStage');
    refused(given(toAssigned), assign(), 'wrongStage');
    expect(refusal(given([register]), assign({ mode: 'joint', lead: 'smx-drc', coHandlers: ['smx-drc'] })).code).toBe('invalid');
    expect(refusal(given([register]), { type: 'assign', actor: committee, assignment: { mode: 'separate', units: ['smx-drc'] } })).toMatchObject({ code: 'invalid', path: ['assignment', 'units'] });
  });
});

describe('reassignment request (交办异议)', () => {
  const ask = (actor: Actor = stb): Command => ({ type: 'requestReassignment', actor, reason: '职能不符' });

  test('within five working days a unit asks; the committee keeps it with a reason, or reassigns', () => {
    const asked = given([...toAssigned, ask()], later(T0, 6)); // 27 March: still inside
    expect(asked.reassignmentRequests['smx-stb']).toMatchObject({ status: 'pending' });
    expect(then(asked, { type: 'decideReassignment', actor: committee, unitId: 'smx-stb', decision: { decision: 'keep', reason: '属于职能范围' } })).toEqual([{ type: 'ReassignmentRefused', unitId: 'smx-stb', reason: '属于职能范围' }]);

    const moved = given(
      [{ type: 'decideReassignment', actor: committee, unitId: 'smx-stb', decision: { decision: 'reassign', assignment: { mode: 'joint', lead: 'smx-drc', coHandlers: ['smx-ind'] }, reason: '改由市工信局会办' } }],
      later(T0, 7),
      asked,
    );
    expect(moved.assignment).toEqual({ mode: 'joint', lead: 'smx-drc', coHandlers: ['smx-ind'] });
    // Only the unit new to the proposal starts its periods at the decision; the lead keeps its own.
    expect(moved.unitAssignedAt).toEqual({ 'smx-drc': later(T0, 6), 'smx-ind': later(T0, 7) });
    expect(replyDue(moved.tracks['smx-drc']!, policy).date).toBe('2024-06-27');
  });

  test('refusals: after the window, twice, by a unit not assigned, or decided without a request', () => {
    refused(given(toAssigned), ask(), 'windowClosed', '2024-03-28T16:00:00.000Z'); // the window ended with 28 March
    expect(then(given(toAssigned), ask(), '2024-03-28T15:59:59.000Z')).toEqual([{ type: 'ReassignmentRequested', unitId: 'smx-stb', reason: '职能不符' }]);
    refused(given([...toAssigned, ask()]), ask(), 'alreadyDone');
    refused(given(toAssigned), ask(edu), 'wrongUnit');
    refused(given(toAssigned), { ...ask(), actor: committee }, 'forbidden');
    refused(given(toAssigned), { type: 'decideReassignment', actor: committee, unitId: 'smx-stb', decision: { decision: 'keep', reason: 'x' } }, 'notFound', T0, ['unitId']);
    const asked = given([...toAssigned, ask()]);
    refused(asked, { type: 'decideReassignment', actor: drc, unitId: 'smx-stb', decision: { decision: 'keep', reason: 'x' } }, 'forbidden');
    expect(refusal(asked, { type: 'decideReassignment', actor: committee, unitId: 'smx-stb', decision: { decision: 'reassign', assignment: joint, reason: 'x' } })).toMatchObject({ code: 'invalid', path: ['decision', 'assignment'] });
  });
});

describe('co-handling and contacts (会办, 沟通)', () => {
  test("the co-handler's opinion goes to the lead; any assigned unit records contacts", () => {
    expect(then(given(toAssigned), opinion())).toEqual([{ type: 'OpinionSubmitted', unitId: 'smx-stb', leadUnitId: 'smx-drc', text: c202.opinion.text }]);
    expect(then(given(toAssigned), recordContact(stb))).toEqual([{ type: 'ProposerContacted', unitId: 'smx-stb', contact: contact() }]);
    const s = given([...toAssigned, opinion(), recordContact()]);
    expect(openDuties(s, policy, T0).map((d) => d.kind)).toEqual(['reassignmentWindow', 'reassignmentWindow', 'reply']);
  });

  test('refusals: the lead or an outsider sends no opinion; one opinion per unit; no contact before it happens', () => {
    refused(given(toAssigned), opinion(drc), 'wrongUnit');
    refused(given(toAssigned), opinion(edu), 'wrongUnit');
    refused(given([...toAssigned, opinion()]), opinion(), 'alreadyDone');
    refused(given([register]), opinion(), 'wrongStage');
    refused(given(toAssigned), { ...opinion(), actor: wang }, 'forbidden');
    refused(given(toAssigned), recordContact(edu), 'wrongUnit');
    expect(refusal(given(toAssigned), { type: 'recordContact', actor: drc, contact: contact(later(T0, 1)) })).toMatchObject({ code: 'invalid', path: ['contact', 'occurredAt'] });
    expect(refusal(given(toAssigned), { type: 'recordContact', actor: drc, contact: { ...contact(), form: 'telepathy' } })).toMatchObject({ code: 'invalid', path: ['contact', 'form'] });
  });
});

describe('reply draft and countersign (答复草拟, 会签)', () => {
  test('a joint draft waits for every co-handler to countersign, then goes for review', () => {
    const s = given(toCountersigning);
    expect(s.tracks['smx-drc']!.stage).toBe('countersigning');
    expect(openDuties(s, policy, T0).find((d) => d.kind === 'countersign')).toMatchObject({ unitId: 'smx-stb', due: { date: '2024-03-28' } });
    expect(then(s, countersign())).toEqual([{ type: 'DraftCountersigned', unitId: 'smx-stb', leadUnitId: 'smx-drc', signer: c202.coSigner }]);
    expect(given([countersign()], T0, s).tracks['smx-drc']!.stage).toBe('drafted');
  });

  test('a co-handler may ask for changes; the lead drafts again and all countersign again', () => {
    const changed = given([...toCountersigning, { type: 'requestChanges', actor: stb, comments: '请补充人才引育内容' }]);
    expect(changed.tracks['smx-drc']!.stage).toBe('drafting');
    refused(changed, submit(), 'wrongStage');
    const again = given([draftReply()], T0, changed);
    expect(again.tracks['smx-drc']).toMatchObject({ stage: 'countersigning', countersignedBy: [] });
  });

  test('with several co-handlers the draft is ready only when the last one countersigns', () => {
    const three: Assignment = { mode: 'joint', lead: 'smx-drc', coHandlers: ['smx-stb', 'smx-edu'] };
    const s = given([register, assign(three), recordContact(), opinion(), opinion(edu), draftReply(), countersign()]);
    expect(refusal(s, submit())).toMatchObject({ code: 'notReady', message: 'not yet countersigned by smx-edu' });
    expect(given([countersign(edu)], T0, s).tracks['smx-drc']!.stage).toBe('drafted');
  });

  test('without co-handlers a draft is ready at once', () => {
    const s = given([register, assign({ mode: 'separate', units: ['smx-drc', 'smx-stb'] }), recordContact(), draftReply(drc, soleDraft)]);
    expect(s.tracks['smx-drc']!.stage).toBe('drafted');
  });

  test('refusals: opinions and a contact come first; only the lead drafts; class from the scheme; countersign once, by a co-handler', () => {
    expect(refusal(given([...toAssigned, recordContact()]), draftReply())).toEqual({ code: 'notReady', message: 'waiting for the opinions of smx-stb (due 2024-04-22)' });
    expect(refusal(given([...toAssigned, opinion()]), draftReply()).code).toBe('notReady');
    refused(given(toDraftable), draftReply(stb), 'wrongUnit');
    refused(given(toDraftable), draftReply(edu), 'wrongUnit');
    refused(given(toDraftable), { ...draftReply(), actor: committee }, 'forbidden');
    expect(refusal(given(toDraftable), draftReply(drc, { ...draft, replyClass: 'E' }))).toMatchObject({ code: 'invalid', path: ['draft', 'replyClass'] });
    expect(refusal(given(toDraftable), draftReply(drc, { ...draft, replyClass: 'b' }))).toMatchObject({ code: 'invalid', path: ['draft', 'replyClass'] });
    expect(refusal(given(toDraftable), { type: 'draftReply', actor: drc, draft: { ...draft, commitments: [draft.commitments[0], draft.commitments[0]] } })).toMatchObject({ code: 'invalid', path: ['draft', 'commitments'] });
    refused(given(toDraftable), countersign(), 'wrongStage');
    refused(given(toCountersigning), countersign(drc), 'wrongUnit');
    refused(given([...toCountersigning, countersign()]), countersign(), 'wrongStage');
    refused(given(toUnderReview), draftReply(), 'wrongStage');
    refused(given(toCountersigning), { type: 'requestChanges', actor: edu, comments: 'x' }, 'wrongUnit');
  });

  test('协办未会签: the lead cannot submit while a co-handler has not countersigned', () => {
    expect(refusal(given(toCountersigning), submit())).toMatchObject({ code: 'notReady', message: 'not yet countersigned by smx-stb' });
    refused(given([...toCountersigning, countersign()]), submit(stb), 'wrongUnit');
  });
});

describe('4. co-handlers’ roles and joint issuing (会办, 协办, 联合答复)', () => {
  const withAssisting: Assignment = { mode: 'joint', lead: 'smx-drc', coHandlers: ['smx-stb'], assisting: ['smx-edu'] };
  const offered = (s: ProposalState, actor: Actor) => allowedActions(s, actor, { now: T0, policy }).map((a) => a.action);

  test('given a 协办 unit, it owes its opinion like a 会办 unit, is never asked to countersign, and is copied the reply', () => {
    const s = given([register, assign(withAssisting), recordContact(), opinion()]);
    // Assigned Thu 21 March 2024: one month is Sun 21 April, moved to Mon 22 April.
    expect(openDuties(s, policy, T0).filter((d) => d.kind === 'coHandlerOpinion').map((d) => `${d.unitId}:${d.due.date}`)).toEqual(['smx-edu:2024-04-22']);
    expect(refusal(s, draftReply())).toMatchObject({ code: 'notReady', message: 'waiting for the opinions of smx-edu (due 2024-04-22)' });
    const drafted = given([opinion(edu), draftReply()], T0, s);
    expect(openDuties(drafted, policy, T0).filter((d) => d.kind === 'countersign').map((d) => d.unitId)).toEqual(['smx-stb']);
    expect(offered(drafted, edu)).not.toContain('countersign');
    expect(refusal(drafted, countersign(edu))).toMatchObject({ code: 'forbidden', message: 'smx-edu is a 协办 (assisting) unit: it sends its opinion and does not countersign' });
    const approved = given([countersign(), submit(), accept], T0, drafted);
    expect(then(approved, issue())[0]).toMatchObject({ copiedTo: ['committee', 'supervisionOffice', 'smx-edu'] });
  });

  test('given a policy where every co-handler countersigns, an assignment naming 协办 units is refused', () => {
    const all = { ...policy, coHandlerRoles: { ...policy.coHandlerRoles, assisting: 'allCountersign' as const } };
    expect(refusal(given([register]), assign(withAssisting), T0, all)).toMatchObject({ code: 'invalid', path: ['assignment', 'assisting'] });
    expect(allowedActions(given([register]), committee, { now: T0, policy: all }).find((a) => a.action === 'assign')).toEqual({ action: 'assign', assisting: false });
  });

  test('given a co-issued draft, the co-issuer’s head signs as it countersigns, and both stand in the reply, neither among the copies', () => {
    const s = given([register, assign(withAssisting), recordContact(), opinion(), opinion(edu)]);
    expect(allowedActions(s, drc, { now: T0, policy }).find((a) => a.action === 'draftReply')?.coIssuers).toEqual(['smx-stb']);
    // Only a 会办 unit co-issues; the header is named by id, not written.
    expect(refusal(s, draftReply(drc, { ...draft, coIssuers: ['smx-edu'] }))).toMatchObject({ code: 'invalid', path: ['draft', 'coIssuers'] });
    expect(refusal(s, draftReply(drc, { ...soleDraft, issuingUnits: ['三门峡市发展和改革委员会'] }))).toMatchObject({ code: 'invalid', path: ['draft', 'issuingUnits'] });
    const drafted = given([draftReply()], T0, s);
    expect(allowedActions(drafted, stb, { now: T0, policy }).find((a) => a.action === 'countersign')).toEqual({ action: 'countersign', signerLevels: ['head'] });
    expect(refusal(drafted, countersign(stb, null))).toMatchObject({ code: 'invalid', path: ['signer'] });
    expect(refusal(drafted, countersign(stb, { ...c202.coSigner, level: 'deputy' }))).toMatchObject({ code: 'invalid', path: ['signer', 'level'] });
    const approved = given([countersign(), submit(), accept], T0, drafted);
    expect(then(approved, issue())[0]).toMatchObject({ coIssuers: [{ unitId: 'smx-stb', signer: c202.coSigner }], copiedTo: ['committee', 'supervisionOffice', 'smx-edu'] });
    // A draft the Science Bureau does not co-issue: it countersigns without signing.
    const sole = given([draftReply(drc, soleDraft)], T0, s);
    expect(refusal(sole, countersign())).toMatchObject({ code: 'invalid', path: ['signer'] });
    expect(events(sole, countersign(stb, null))).toEqual(['DraftCountersigned']);
  });

  test('given a proposal pinned before roles among co-handlers, the header stays free text and every co-handler countersigns', () => {
    const old = pinnedPolicy({ ...policy, coHandlerRoles: undefined } as unknown as HandlingPolicy, false);
    expect(old.coHandlerRoles).toEqual({ assisting: 'allCountersign', coIssuing: 'freeText' });
    const s = given(toDraftable, T0, filed(), old);
    expect(refusal(s, draftReply(), T0, old)).toMatchObject({ code: 'invalid', path: ['draft', 'coIssuers'] });
    expect(typesOf(then(s, draftReply(drc, { ...soleDraft, issuingUnits: ['三门峡市发展和改革委员会', '三门峡市科技局'] }), T0, old))).toEqual(['ReplyDrafted']);
  });
});

describe('review and reply (审核, 答复)', () => {
  test('the committee accepts, correcting the class if need be, and the lead issues the signed reply', () => {
    const s = given(toUnderReview);
    expect(then(s, accept)).toEqual([{ type: 'ReplyApproved', unitId: 'smx-drc', replyClass: 'B' }]);
    const corrected = decide({ type: 'reviewReply', actor: committee, review: { decision: 'accept', correctedClass: 'A' } }, s, { now: T0, policy });
    expect(corrected.ok && corrected.events[0]).toMatchObject({ type: 'ReplyApproved', replyClass: 'A', correctedFrom: 'B' });
    const replied = given(toReplied);
    expect(replied.tracks['smx-drc']).toMatchObject({ stage: 'replied', issued: { replyClass: 'B', documentNumber: draft.documentNumber } });
    expect(replied.tracks['smx-drc']!.commitments.map((c) => c.title)).toEqual(['建强中原关键金属实验室', '加快推动新材料产业集群发展', '加强创新人才培育工作', '积极争取政策支持']);
    expect(openDuties(replied, policy, T0).filter((d) => d.kind === 'evaluation').map((d) => `${d.proposerId}:${d.due.date}`)).toEqual([
      'wang-fengjie:2024-04-12', 'sun-yurong:2024-04-12', 'li-baosong:2024-04-12',
    ]);
  });

  test('a returned reply goes back to drafting and must be countersigned again', () => {
    const s = given([...toUnderReview, { type: 'reviewReply', actor: committee, review: { decision: 'return', comments: '未逐条答复' } }]);
    expect(s.tracks['smx-drc']).toMatchObject({ stage: 'drafting', countersignedBy: [] });
  });

  test('refusals: only the committee reviews, only what is under review; only the approved reply is issued, at the signer level required', () => {
    refused(given(toUnderReview), { ...accept, actor: drc }, 'forbidden');
    refused(given(toCountersigning), accept, 'wrongStage');
    expect(refusal(given(toUnderReview), { type: 'reviewReply', actor: committee, review: { decision: 'accept', correctedClass: 'Q' } })).toMatchObject({ code: 'invalid', path: ['review', 'correctedClass'] });
    expect(refusal(given(toUnderReview), { type: 'reviewReply', actor: committee, review: { decision: 'return' } })).toMatchObject({ code: 'invalid', path: ['review', 'comments'] });
    refused(given(toUnderReview), issue(), 'wrongStage');
    refused(given([...toUnderReview, accept]), issue(stb), 'wrongUnit');

    const keyProposal = filed({ ...c202.intake, key: true });
    const approved = given([...toUnderReview, accept], T0, keyProposal);
    const deputy = { type: 'issueReply', actor: drc, signer: { ...c202.signer, level: 'deputy' } } as const;
    expect(refusal(approved, deputy)).toMatchObject({ code: 'invalid', path: ['signer', 'level'] });
    expect(events(given([...toUnderReview, accept]), deputy)).toEqual(['ReplyIssued']);
  });

  test('separate replies need the unit named in committee and proposer actions', () => {
    const s = given([register, assign({ mode: 'separate', units: ['smx-drc', 'smx-stb'] }), recordContact(), draftReply(drc, soleDraft), submit()]);
    expect(refusal(s, accept)).toMatchObject({ code: 'invalid', path: ['unitId'] });
    expect(refusal(s, { ...accept, unitId: 'smx-edu' })).toMatchObject({ code: 'notFound', path: ['unitId'] });
    expect(then(s, { ...accept, unitId: 'smx-drc' })).toEqual([{ type: 'ReplyApproved', unitId: 'smx-drc', replyClass: 'B' }]);
  });
});

describe('evaluation (评价) and re-handling (重新办理)', () => {
  test('when every proposer has rated, the evaluation concludes; open commitments go to follow-up', () => {
    const s = given([...toReplied, rate(wang), rate(sun)]);
    expect(then(s, rate(li, 'basicallySatisfied'))).toEqual([
      { type: 'ReplyEvaluated', unitId: 'smx-drc', proposerId: 'li-baosong', rating: 'basicallySatisfied' },
      { type: 'EvaluationConcluded', unitId: 'smx-drc', outcome: 'followUp', windowClosed: false },
    ]);
    expect(stageOf(given(toFollowUp))).toBe('followUp');
    expect(openDuties(given(toFollowUp), policy, T0).filter((d) => d.kind === 'followUpReport').map((d) => `${d.commitmentNo}:${d.due.date}`)).toEqual([
      '1:2024-06-21', '2:2024-06-21', '3:2024-06-21', '4:2024-06-21',
    ]);
  });

  test('a reply without commitments closes the proposal when rated', () => {
    const s = given([...toUnderReview.slice(0, -3), draftReply(drc, { ...draft, replyClass: 'A', commitments: [] }), countersign(), submit(), accept, issue(), publish(), rate(wang), rate(sun)]);
    expect(events(s, rate(li))).toEqual(['ReplyEvaluated', 'EvaluationConcluded', 'ProposalClosed']);
  });

  test('答复公开: the unit decides within 20 working days of issue; the proposal does not close before it, and closes on it', () => {
    // Issued on Thursday 21 March 2024: day 1 is 22 March, Qingming (4–6 April) is off, the 调休 Sunday 7 April is day 10,
    // so day 20 is Friday 19 April.
    const issued = given([...toUnderReview.slice(0, -3), draftReply(drc, { ...draft, replyClass: 'A', commitments: [] }), countersign(), submit(), accept, issue()]);
    expect(openDuties(issued, policy, T0).find((d) => d.kind === 'publicationDecision')).toMatchObject({ unitId: 'smx-drc', due: { date: '2024-04-19' } });
    const rated = given([rate(wang), rate(sun), rate(li)], T0, issued);
    expect(rated.status).toBe('handling');
    expect(events(rated, publish(drc, { decision: 'withheld', reason: '涉及企业商业秘密' }))).toEqual(['PublicationDecided', 'ProposalClosed']);
    expect(then(rated, publish(drc, { decision: 'summary', summary: '答复要点' }))[0]).toEqual({ type: 'PublicationDecided', unitId: 'smx-drc', decision: 'summary', summary: '答复要点' });
    refused(given([publish()], T0, issued), publish(), 'alreadyDone');
    refused(issued, publish(stb), 'wrongUnit');
    refused(given(toUnderReview), publish(), 'notReady');
    expect(refusal(issued, { ...publish(), publication: { decision: 'withheld' } })).toMatchObject({ code: 'invalid', path: ['publication', 'reason'] });
  });

  test('不满意 goes to the committee, which sends it back with a one-month period; still 不满意 brings a consultation', () => {
    const unsatisfied = given([...toReplied, rate(wang, 'unsatisfied'), rate(sun), rate(li)], later(T0, 2));
    expect(unsatisfied.tracks['smx-drc']!.stage).toBe('rehandlingDecision');
    const sendBack: Command = { type: 'decideRehandling', actor: committee, decision: 'sendBack', note: '答复未回应人才引育' };
    expect(then(unsatisfied, sendBack, later(T0, 2))).toEqual([{ type: 'RehandlingDecided', unitId: 'smx-drc', decision: 'sendBack', note: '答复未回应人才引育' }]);
    const back = given([sendBack], later(T0, 2), unsatisfied);
    expect(back.tracks['smx-drc']).toMatchObject({ stage: 'drafting', round: 2, roundStartedAt: later(T0, 2), commitments: [] });
    expect(openDuties(back, policy, T0).find((d) => d.kind === 'reply')!.due.date).toBe('2024-04-23');
    const redo = [draftReply(), countersign(), submit(), accept, issue(), rate(wang, 'unsatisfied'), rate(sun), rate(li)];
    const consult = given(redo, later(T0, 3), back);
    expect(consult.tracks['smx-drc']!.stage).toBe('consultation');
    const held = given([{ type: 'recordConsultation', actor: committee, occurredAt: later(T0, 3), summary: '面商后委员理解' }], later(T0, 4), consult);
    expect(held.tracks['smx-drc']!.stage).toBe('followUp');
    expect(held.tracks['smx-drc']!.rounds.map((r) => r.outcome)).toEqual(['committeeDecides', 'consult']);
  });

  test('6. the consultation is the committee’s duty: due a month after the second 不满意, warned and reported overdue, settled when held', () => {
    const secondRound = [...toReplied, rate(wang, 'unsatisfied'), rate(sun), rate(li), { type: 'decideRehandling', actor: committee, decision: 'sendBack', note: '重办' } as Command];
    const back = given(secondRound);
    // Concluded on Monday 22 April 2024: the consultation is due by Wednesday 22 May.
    const consult = given([draftReply(), countersign(), submit(), accept, issue(), rate(wang, 'unsatisfied'), rate(sun), rate(li)], on('2024-04-22'), back);
    const duty = openDuties(consult, policy, on('2024-04-22')).find((d) => d.kind === 'consultation')!;
    expect(duty).toMatchObject({ unitId: null, proposerId: null, startedAt: on('2024-04-22'), due: { date: '2024-05-22' } });
    const alerts = scheduledAlerts(consult, policy, on('2024-04-22')).filter((a) => a.dutyKind === 'consultation');
    // In UTC: warned as Friday 17 May begins in Beijing, overdue as 22 May ends; the committee's own duty has no ladder above it.
    expect(alerts.map((a) => [a.kind, a.audience, a.at.slice(0, 10)])).toEqual([['warning', 'committee', '2024-05-16'], ['overdue', 'committee', '2024-05-22']]);
    const held: Command = { type: 'recordConsultation', actor: committee, occurredAt: on('2024-05-20'), summary: '面商后委员理解' };
    const d = decide(held, consult, { now: on('2024-05-21'), policy });
    expect(d.ok && settle(consult, d.events[0]!, policy).settled).toEqual([expect.objectContaining({ kind: 'consultation', doneAt: on('2024-05-21') })]);
    // A proposal pinned before the consultation was a duty keeps waiting without one.
    const pinned = pinnedPolicy({ ...policy, periods: { ...policy.periods, consultation: undefined } } as unknown as HandlingPolicy, false);
    expect(openDuties(consult, pinned, on('2024-04-22')).some((x) => x.kind === 'consultation')).toBe(false);
  });

  test('silence: when the window passes the clock concludes with the ratings given, and rating is closed', () => {
    const s = given([...toReplied, rate(wang)]);
    const wake = nextWakeUp(s, { now: T0, policy });
    expect(wake).toBe('2024-04-12T16:00:00.000Z');
    expect(elapse(s, { now: '2024-04-12T15:59:59.000Z', policy })).toEqual([]);
    const [concluded] = elapse(s, { now: wake!, policy });
    expect(concluded).toMatchObject({ type: 'EvaluationConcluded', outcome: 'followUp', windowClosed: true, by: { role: 'clock' } });
    refused(s, rate(sun), 'windowClosed', wake);
  });

  test('refusals: only proposers of this proposal rate, once, and only a reply that was issued', () => {
    refused(given(toReplied), rate(stranger), 'forbidden');
    refused(given(toReplied), { ...rate(wang), actor: drc }, 'forbidden');
    refused(given([...toReplied, rate(wang)]), rate(wang), 'alreadyDone');
    refused(given(toUnderReview), rate(wang), 'wrongStage');
    expect(refusal(given(toReplied), { type: 'evaluate', actor: wang, rating: 'delighted' })).toMatchObject({ code: 'invalid', path: ['rating'] });
    refused(given(toReplied), { type: 'recordConsultation', actor: committee, occurredAt: T0, summary: 'x' }, 'wrongStage');
  });
});

describe('follow-up (跟踪办理) and closing (办结)', () => {
  test('each commitment stays open until reported done; the last one closes the proposal', () => {
    const progress = given([...toFollowUp, report(1, false)], later(T0, 30));
    const c1 = progress.tracks['smx-drc']!.commitments[0]!;
    expect(c1).toMatchObject({ status: 'open', reportedAt: [later(T0, 30)] });
    // Nothing to tell the proposers (办理结果告知) until it is done; then the report that it was is the result.
    expect(c1.result).toBeUndefined();
    const three = given([report(1), report(2), report(3)], later(T0, 40), progress);
    expect(then(three, report(4))).toEqual([{ type: 'FollowUpReported', unitId: 'smx-drc', commitmentNo: 4, progress: '已完成', done: true }, { type: 'ProposalClosed' }]);
    const closed = given([report(4)], later(T0, 41), three);
    expect(closed.status).toBe('closed');
    expect(closed.tracks['smx-drc']!.commitments[3]).toMatchObject({ status: 'delivered', settledAt: later(T0, 41), result: '已完成' });
    refused(closed, report(1), 'wrongStage');
  });

  test('a commitment the unit cannot keep: the unit says why, the committee accepts, and the proposal closes', () => {
    const s = given([...toFollowUp, report(1), report(2), report(3)]);
    const declare: Command = { type: 'declareUndeliverable', actor: drc, commitmentNo: 4, reason: '政策调整，无法按原计划推进' };
    expect(then(s, declare)).toEqual([{ type: 'CommitmentDeclaredUndeliverable', unitId: 'smx-drc', commitmentNo: 4, reason: '政策调整，无法按原计划推进' }]);
    const declared = given([declare], T0, s);
    expect(declared.tracks['smx-drc']!.commitments[3]!.result).toBeUndefined();
    expect(events(declared, { type: 'closeCommitment', actor: committee, commitmentNo: 4, reason: '理由成立' })).toEqual(['CommitmentClosed', 'ProposalClosed']);
    // Accepted, the unit's reason is what the proposers are told.
    const accepted = given([{ type: 'closeCommitment', actor: committee, commitmentNo: 4, decision: 'accept', reason: '理由成立' }], T0, declared);
    expect(accepted.tracks['smx-drc']!.commitments[3]).toMatchObject({ status: 'undeliverable', result: '政策调整，无法按原计划推进' });
    const rejected = given([{ type: 'closeCommitment', actor: committee, commitmentNo: 4, decision: 'reject', reason: '应继续争取' }], T0, declared);
    expect(rejected.tracks['smx-drc']!.commitments[3]!.status).toBe('open');
  });

  test('refusals: unknown or settled commitments, the wrong unit, before follow-up', () => {
    expect(refusal(given(toFollowUp), report(9))).toMatchObject({ code: 'notFound', path: ['commitmentNo'] });
    refused(given([...toFollowUp, report(1)]), report(1), 'alreadyDone', T0, ['commitmentNo']);
    refused(given(toFollowUp), { ...report(1), actor: edu }, 'wrongUnit');
    refused(given(toReplied), report(1), 'wrongStage');
    refused(given(toFollowUp), { type: 'closeCommitment', actor: drc, commitmentNo: 1, reason: 'x' }, 'forbidden');
    refused(given([...toFollowUp, report(1)]), { type: 'closeCommitment', actor: committee, commitmentNo: 1, reason: 'x' }, 'alreadyDone', T0, ['commitmentNo']);
    // The committee does not close a commitment the unit has not declared undeliverable.
    expect(refusal(given(toFollowUp), { type: 'closeCommitment', actor: committee, commitmentNo: 1, reason: 'x' })).toEqual({
      code: 'notReady', message: 'smx-drc has not declared commitment 1 undeliverable', path: ['commitmentNo'],
    });
  });
});

describe('extension of the reply period (延期)', () => {
  test('the unit asks before its reply is due, the committee grants the months asked, up to six in all, and the due date moves', () => {
    const asked = given([...toAssigned, askExtension(2)]);
    expect(asked.tracks['smx-drc']!.extensionRequest).toMatchObject({ months: 2, reason: '涉及跨年度项目' });
    expect(then(asked, grantExtension)).toEqual([{ type: 'ReplyDeadlineExtended', unitId: 'smx-drc', months: 2, reason: '同意延期' }]);
    const s = given([grantExtension], T0, asked);
    expect(replyDue(s.tracks['smx-drc']!, policy).date).toBe('2024-08-21');
    expect(then(s, askExtension(1))).toEqual([{ type: 'ExtensionRequested', unitId: 'smx-drc', months: 1, reason: '涉及跨年度项目' }]);
    expect(refusal(s, askExtension(2))).toMatchObject({ code: 'invalid', path: ['months'] });
  });

  test('the committee refuses with a reason: the due date stays, and the unit may ask again', () => {
    const refusedOnce = given([...toAssigned, askExtension(1), { type: 'decideExtension', actor: committee, decision: 'refuse', reason: '无正当理由' }]);
    expect(refusedOnce.tracks['smx-drc']!.extensionRequest).toBeUndefined();
    expect(replyDue(refusedOnce.tracks['smx-drc']!, policy).date).toBe('2024-06-21');
    expect(typesOf(then(refusedOnce, askExtension(1)))).toEqual(['ExtensionRequested']);
  });

  test('refusals: a request after the due date, a second request while one waits, a decision with nothing asked, the wrong people, once the reply is issued', () => {
    // Assigned 21 March: the reply is due by 21 June; on 22 June the reply is already late.
    expect(refusal(given(toAssigned), askExtension(1), on('2024-06-22'))).toMatchObject({ code: 'windowClosed' });
    expect(typesOf(then(given(toAssigned), askExtension(1), on('2024-06-21')))).toEqual(['ExtensionRequested']);
    refused(given([...toAssigned, askExtension(1)]), askExtension(1), 'alreadyDone');
    refused(given(toAssigned), grantExtension, 'notFound', T0, ['unitId']);
    refused(given(toAssigned), askExtension(1, stb), 'wrongUnit');
    refused(given(toAssigned), { ...grantExtension, actor: drc }, 'forbidden');
    refused(given(toReplied), askExtension(1), 'wrongStage');
    // Under this policy the committee does not extend on its own.
    refused(given(toAssigned), { type: 'extendReplyDeadline', actor: committee, months: 1, reason: 'x' }, 'forbidden');
  });

  test('a proposal pinned before units asked keeps the committee extending on its own', () => {
    const pinned = pinnedPolicy({ ...policy, extensions: undefined } as unknown as HandlingPolicy, false);
    expect(pinned.extensions).toBe('committeeExtends');
    const extend: Command = { type: 'extendReplyDeadline', actor: committee, months: 1, reason: '涉及跨年度项目' };
    expect(then(given(toAssigned, T0, undefined, pinned), extend, T0, pinned)).toEqual([{ type: 'ReplyDeadlineExtended', unitId: 'smx-drc', months: 1, reason: '涉及跨年度项目' }]);
    expect(refusal(given(toAssigned, T0, undefined, pinned), askExtension(1), T0, pinned)).toMatchObject({ code: 'forbidden' });
  });
});

describe('key proposals (重点提案)', () => {
  const plan = (actor: Actor = drc): Command => ({ type: 'submitHandlingPlan', actor, text: '成立工作专班，分三个阶段推进' });
  const meeting = (actor: Actor = viceChair, occurredAt = on('2024-04-10')): Command => ({ type: 'recordSupervisionMeeting', actor, occurredAt, form: 'meeting', participants: ['王凤杰', '市发展改革委'], conclusions: '加快实验室建设' });

  test('marked after assignment, the lead unit owes a handling plan within a month of the selection, warned and chased like any duty', () => {
    // Selected on Monday 25 March 2024: the plan is due by Thursday 25 April.
    const key = given([markKey], on('2024-03-25'), given(toAssigned));
    expect(key.key).toMatchObject({ leaders: ['vice-chair-zhang'], memberInCharge: '刘委员', markedAt: on('2024-03-25') });
    const duty = openDuties(key, policy, on('2024-03-25')).find((d) => d.kind === 'handlingPlan')!;
    expect(duty).toMatchObject({ unitId: 'smx-drc', due: { date: '2024-04-25' } });
    expect(scheduledAlerts(key, policy, on('2024-03-25')).filter((a) => a.dutyKind === 'handlingPlan').map((a) => [a.kind, a.audience])).toEqual([
      ['warning', 'officer'], ['overdue', 'officer'], ['escalation', 'unitHead'], ['escalation', 'committee'], ['escalation', 'assessment'],
    ]);
    const d = decide(plan(), key, { now: on('2024-04-20'), policy });
    expect(d.ok && settle(key, d.events[0]!, policy).settled).toEqual([expect.objectContaining({ kind: 'handlingPlan', unitId: 'smx-drc', doneAt: on('2024-04-20') })]);
    refused(given([plan()], T0, key), plan(), 'alreadyDone');
    refused(key, plan(stb), 'wrongUnit');
    refused(given(toAssigned), plan(), 'notReady');
    refused(key, markKey, 'alreadyDone');
    refused(given([register]), markKey, 'wrongStage');
  });

  test('its supervising leader records supervision meetings; another leader may not', () => {
    const key = given([...toAssigned, markKey]);
    expect(then(key, meeting(), on('2024-04-10'))).toEqual([
      { type: 'SupervisionMeetingHeld', occurredAt: on('2024-04-10'), form: 'meeting', participants: ['王凤杰', '市发展改革委'], conclusions: '加快实验室建设' },
    ]);
    expect(given([meeting()], on('2024-04-10'), key).key!.meetings).toEqual([expect.objectContaining({ by: 'vice-chair-zhang', form: 'meeting' })]);
    refused(key, meeting(otherLeader), 'forbidden', on('2024-04-10'));
    // A leader is not told whether a proposal they do not supervise is key; the committee is.
    refused(given(toAssigned), meeting(), 'forbidden', on('2024-04-10'));
    refused(given(toAssigned), meeting(committee), 'notReady', on('2024-04-10'));
    refused(key, meeting(viceChair, on('2024-05-01')), 'invalid', on('2024-04-10'), ['occurredAt']);
    refused(key, { ...plan(), actor: viceChair }, 'forbidden');
  });

  test('the head signs its reply, whether it was filed as key or selected since', () => {
    const approved = given([...toUnderReview, markKey, plan(), accept]);
    const byDeputy: Command = { type: 'issueReply', actor: drc, signer: { ...c202.signer, level: 'deputy' } };
    refused(approved, byDeputy, 'invalid', T0, ['signer', 'level']);
    expect(typesOf(then(approved, { ...byDeputy, signer: { ...c202.signer, level: 'head' } }))).toEqual(['ReplyIssued']);
  });
});

describe('other deadline forms (DOMAIN.md, the committee’s year)', () => {
  test('a fixed date for the session’s replies: every first reply by 30 September, an extension moving it by its months', () => {
    const fixed: HandlingPolicy = { ...policy, replyBy: '2024-09-30' };
    const assigned = given(toAssigned, T0, undefined, fixed);
    expect(replyDue(assigned.tracks['smx-drc']!, fixed).date).toBe('2024-09-30');
    // One month more: 30 October 2024, a Wednesday.
    const extended = given(extension(1), T0, assigned, fixed);
    expect(replyDue(extended.tracks['smx-drc']!, fixed).date).toBe('2024-10-30');
    // A date on a day off moves to the next working day: National Day, 1 October 2024, and its holiday to the 7th.
    expect(replyDue(assigned.tracks['smx-drc']!, { ...fixed, replyBy: '2024-10-01' }).date).toBe('2024-10-08');
  });

  test('a co-handler’s opinion due twenty days before the reply it feeds', () => {
    const before: HandlingPolicy = { ...policy, opinionDaysBeforeReply: 20 };
    const assigned = given(toAssigned, T0, undefined, before);
    // The reply is due Friday 21 June 2024; twenty days earlier is Saturday 1 June, so Monday 3 June.
    expect(opinionDue(assigned, 'smx-stb', before).date).toBe('2024-06-03');
    expect(openDuties(assigned, before, T0).find((d) => d.kind === 'coHandlerOpinion')!.due.date).toBe('2024-06-03');
    // Pinned before these forms existed, a policy keeps the period from assignment (1 month: 22 April).
    expect(opinionDue(assigned, 'smx-stb', pinnedPolicy({ ...policy, opinionDaysBeforeReply: undefined } as unknown as HandlingPolicy, false)).date).toBe('2024-04-22');
  });
});

describe('withdrawal (撤案)', () => {
  const withdraw = (actor: Actor = wang): Command => ({ type: 'withdraw', actor, reason: '相关问题已解决' });
  const consent: Command = { type: 'decideWithdrawal', actor: committee, decision: 'consent', reason: '理由成立' };

  test('before assignment the lead signer withdraws it at once, and it ends withdrawn', () => {
    for (const s of [filed(), given([register])]) {
      expect(then(s, withdraw())).toEqual([{ type: 'ProposalWithdrawn', reason: '相关问题已解决' }]);
      const after = given([withdraw()], T0, s);
      expect([after.status, stageOf(after), isFinished(after)]).toEqual(['withdrawn', 'withdrawn', true]);
    }
  });

  test('after assignment it is withdrawn only with the committee’s consent; its duties are let go and counted against no unit', () => {
    const asked = given([...toAssigned, withdraw()]);
    expect(asked.status).toBe('handling');
    expect(asked.withdrawalRequest).toMatchObject({ reason: '相关问题已解决', by: 'wang-fengjie' });
    // Consented once the DRC's first contact and the co-handler's opinion are overdue: neither is recorded as late.
    const lateConsent = on('2024-04-25');
    expect(openDuties(asked, policy, lateConsent).filter((x) => !x.window && isOverdue(x.due, lateConsent)).map((x) => x.kind)).toEqual(['coHandlerOpinion', 'contactBeforeHandling']);
    const d = decide(consent, asked, { now: lateConsent, policy });
    expect(d.ok && d.events.map(({ at: _a, by: _b, ...e }) => e)).toEqual([{ type: 'ProposalWithdrawn', reason: '相关问题已解决', consent: '理由成立' }]);
    expect(d.ok && settle(asked, d.events[0]!, policy).settled).toEqual([]);
    const withdrawn = given([consent], lateConsent, asked);
    expect(withdrawn.status).toBe('withdrawn');
    expect(openDuties(withdrawn, policy, lateConsent)).toEqual([]);
  });

  test('the committee may refuse; the proposal goes on and may be asked about again', () => {
    const refusedOnce = given([...toAssigned, withdraw(), { type: 'decideWithdrawal', actor: committee, decision: 'refuse', reason: '已进入办理' }]);
    expect([refusedOnce.status, refusedOnce.withdrawalRequest]).toEqual(['handling', undefined]);
    expect(events(refusedOnce, withdraw())).toEqual(['WithdrawalRequested']);
  });

  test('refusals: a co-signer, another member, a second request, a decision with nothing asked, after the reply, after the end', () => {
    refused(given(toAssigned), withdraw(sun), 'forbidden');
    refused(given(toAssigned), withdraw(stranger), 'forbidden');
    refused(given([...toAssigned, withdraw()]), withdraw(), 'alreadyDone');
    refused(given(toAssigned), consent, 'notFound');
    refused(given(toReplied), withdraw(), 'wrongStage');
    refused(given([withdraw()]), withdraw(), 'wrongStage');
  });
});

describe('malformed commands', () => {
  test.each([
    ['an unknown action', { type: 'approveEverything', actor: committee }, ['type']],
    ['no actor', { type: 'review', review: { outcome: 'register' } }, ['actor']],
    ['an officer without a unit', { type: 'submitOpinion', actor: { role: 'officer', id: 'x' }, text: 'x' }, ['actor', 'unitId']],
    ['an unknown field', { ...opinion(), extra: 1 }, []],
    ['a control character', { ...opinion(), text: 'a\u0000b' }, ['text']],
    ['an over-long text', { ...opinion(), text: 'x'.repeat(20001) }, ['text']],
    ['a wrong type', { type: 'reportFollowUp', actor: drc, commitmentNo: '1', progress: 'x', done: true }, ['commitmentNo']],
    ['not an object at all', 'review', []],
  ])('%s is refused as invalid, naming the field', (_name, command, path) => {
    expect(refusal(given(toAssigned), command)).toMatchObject({ code: 'invalid', path });
  });
});

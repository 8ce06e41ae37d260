/**
 * What a person is offered is what the decider would take up: for every state of proposal 202's
 * life, every actor and every action of their role, an offered action built from its offer is
 * accepted, and one that is not offered is refused, whatever reply or unit it names.
 */
import { type Actor, type AllowedAction, COMMAND_ROLES, type Command, type CommandType } from '../../workflows/domain/commands';
import { allowedActions, decide } from '../../workflows/domain/lifecycle';
import type { HandlingPolicy } from '../../workflows/domain/policy';
import type { ProposalState } from '../../workflows/domain/state';
import {
  T0, assign, c202, filed, committee, contact, soleDraft, drc, edu, given, later, li, on, opinion, policy, rate, recordContact, register, report, stb, stranger, sun, toAssigned,
  toCountersigning, toDraftable, toFollowUp, askExtension, extension, viceChair, otherLeader, markKey, toReplied, toUnderReview, wang, draftReply, countersign, submit, accept,
} from '../support/decider';

const office: Actor = { role: 'supervisionOffice', id: 'supervision-office' };
const ACTORS: Actor[] = [committee, drc, stb, edu, wang, li, stranger, viceChair, otherLeader, office];

/** A command of this type as its form would send it: the offer's choices where it has them. */
function sample(type: CommandType, actor: Actor, now: string, offer: Partial<AllowedAction> = {}): Command {
  const unit = offer.unitId === undefined ? {} : { unitId: offer.unitId };
  const no = offer.commitments?.[0]?.no ?? 1;
  const bodies: Record<CommandType, object> = {
    review: { review: { outcome: 'register' } },
    assign: { assignment: { mode: 'joint', lead: 'smx-drc', coHandlers: ['smx-stb'] } },
    requestReassignment: { reason: '职能不符' },
    decideReassignment: { unitId: offer.unitId ?? 'smx-stb', decision: { decision: 'keep', reason: '维持' } },
    submitOpinion: { text: '意见' },
    recordContact: { contact: contact(now) },
    draftReply: { draft: { ...soleDraft, replyClass: offer.classes?.[0]?.code ?? 'B', ...(offer.coIssuers ? { coIssuers: offer.coIssuers } : {}) } },
    countersign: offer.signerLevels ? { signer: { ...c202.coSigner, level: offer.signerLevels[0] } } : {},
    requestChanges: { comments: '请修改' },
    releaseCountersign: { unitId: offer.unitId ?? 'smx-stb', reason: '逾期' },
    submitReply: {},
    reviewReply: { ...unit, review: { decision: 'accept' } },
    issueReply: { signer: { ...c202.signer, level: offer.signerLevels?.[0] ?? 'head' } },
    evaluate: { ...unit, rating: 'satisfied' },
    decideRehandling: { ...unit, decision: 'sendBack', note: '重办' },
    recordConsultation: { ...unit, occurredAt: now, summary: '协商' },
    reportFollowUp: { ...unit, commitmentNo: no, progress: '推进', done: false },
    declareUndeliverable: { ...unit, commitmentNo: no, reason: '无法兑现' },
    closeCommitment: { ...unit, commitmentNo: no, reason: '同意' },
    submitAnnualSummary: { ...unit, text: '总结' },
    recordLookBack: { summary: '回头看' },
    extendReplyDeadline: { ...unit, months: 1, reason: '延期' },
    requestExtension: { months: 1, reason: '跨年度项目' },
    decideExtension: { ...unit, decision: 'grant', reason: '同意' },
    withdraw: { reason: '情况已变化' },
    answerCosigning: { decision: 'confirm' },
    decidePublication: { publication: { decision: 'full' } },
    decideWithdrawal: { decision: 'consent', reason: '同意' },
    markKey: { leaders: ['vice-chair-zhang'], memberInCharge: '李委员', reason: '主席会议遴选' },
    submitHandlingPlan: { text: '办理方案' },
    recordSupervisionMeeting: { occurredAt: now, form: 'meeting', participants: ['王凤杰'], conclusions: '推进' },
    objectToReview: { reason: '建议有具体内容，属于提案范围' },
    decideObjection: { decision: 'register', reason: '复核后予以立案' },
  };
  return { type, actor, ...bodies[type] } as Command;
}

/** Every unit an action might name on this state, and none. */
const candidates = (s: ProposalState) => [undefined, 'smx-drc', 'smx-stb', 'smx-edu', ...Object.keys(s.tracks)];

function agrees(s: ProposalState, now: string, p: HandlingPolicy = policy) {
  for (const actor of ACTORS) {
    const offers = allowedActions(s, actor, { now, policy: p });
    for (const offer of offers) {
      const d = decide(sample(offer.action, actor, now, offer), s, { now, policy: p });
      if (!d.ok) throw new Error(`${actor.id} was offered ${offer.action} ${offer.unitId ?? ''} but it is refused: ${d.refusal.message}`);
    }
    for (const type of (Object.keys(COMMAND_ROLES) as CommandType[]).filter((t) => COMMAND_ROLES[t].includes(actor.role))) {
      for (const unitId of candidates(s)) {
        if (offers.some((o) => o.action === type && o.unitId === unitId)) continue;
        // Offered without a unit: the command names none, and the offer was checked above.
        if (offers.some((o) => o.action === type && o.unitId === undefined)) continue;
        const d = decide(sample(type, actor, now, unitId === undefined ? {} : { unitId }), s, { now, policy: p });
        // An action that names one reply of several is offered by the reply; leaving the unit out may be accepted too.
        if (d.ok && unitId === undefined && offers.some((o) => o.action === type)) continue;
        if (d.ok) throw new Error(`${actor.id} may ${type} ${unitId ?? ''} (accepted) but was not offered it`);
      }
    }
  }
}

const actions = (s: ProposalState, actor: Actor, now = T0, p: HandlingPolicy = policy) => allowedActions(s, actor, { now, policy: p });
const names = (s: ProposalState, actor: Actor, now = T0) => actions(s, actor, now).map((a) => a.action);

const notRegister: Command = { type: 'review', actor: committee, review: { outcome: 'notRegister', reason: '不属于提案范围' } };
const objection: Command = { type: 'objectToReview', actor: wang, reason: '建议有具体内容' };

describe('the actions offered are the ones the decider accepts', () => {
  const undeliverable: Command = { type: 'declareUndeliverable', actor: drc, commitmentNo: 4, reason: '政策调整' };
  const unhappy = [...toReplied, rate(wang, 'unsatisfied'), rate(sun), rate(li)];
  const states: [string, ProposalState, string][] = [
    ['filed', given([]), T0],
    ['registered', given([register]), T0],
    ['assigned', given(toAssigned), T0],
    ['assigned, the reassignment window closed and the opinion overdue', given(toAssigned), on('2024-05-06')],
    ['a reassignment asked for', given([...toAssigned, { type: 'requestReassignment', actor: stb, reason: '职能不符' }]), T0],
    ['draftable', given(toDraftable), T0],
    ['countersigning', given(toCountersigning), T0],
    ['countersigning, the countersign overdue', given(toCountersigning), on('2024-04-30')],
    ['under review', given(toUnderReview), T0],
    ['approved', given([...toUnderReview, accept]), T0],
    ['replied', given(toReplied), T0],
    ['replied, the rating window closed', given(toReplied), on('2024-06-30')],
    ['following up', given(toFollowUp), T0],
    ['a commitment declared undeliverable', given([...toFollowUp, report(1), undeliverable]), T0],
    ['an 不满意 rating waiting for the committee', given(unhappy), T0],
    ['an extension asked for', given([...toAssigned, askExtension(2)]), T0],
    ['a key proposal', given([...toAssigned, markKey]), T0],
    ['a key proposal with its plan, approved', given([...toUnderReview, markKey, { type: 'submitHandlingPlan', actor: drc, text: '方案' }, accept]), T0],
    ['a withdrawal asked for', given([...toAssigned, { type: 'withdraw', actor: wang, reason: '情况已变化' }]), T0],
    ['handled separately', given([register, assign({ mode: 'separate', units: ['smx-drc', 'smx-stb'] }), recordContact(), recordContact(stb)]), T0],
    ['不立案, the objection window open', given([notRegister]), T0],
    ['不立案, the objection window passed', given([notRegister]), on('2024-04-30')],
    ['不立案, objected to', given([notRegister, objection]), T0],
    ['不立案, registered on the objection', given([notRegister, objection, { type: 'decideObjection', actor: committee, decision: 'register', reason: '复核后立案' }]), T0],
  ];
  test.each(states)('%s', (_, s, now) => agrees(s, now));
});

describe('督查室: the supervision office reviews replies only where the policy says so', () => {
  const officeReviews: HandlingPolicy = { ...policy, replyReviewers: 'committeeOrSupervisionOffice' };
  test.each([
    ['the default policy: the committee alone', policy, []],
    ['a policy with the office among the reviewers', officeReviews, ['reviewReply']],
  ] as const)('%s', (_, p, offered) => {
    const s = given(toUnderReview);
    expect(actions(s, office, T0, p).map((a) => a.action)).toEqual(offered);
    expect(actions(s, committee, T0, p).map((a) => a.action)).toContain('reviewReply');
    agrees(s, T0, p);
    const reviewed = decide({ type: 'reviewReply', actor: office, review: { decision: 'accept' } }, s, { now: T0, policy: p });
    expect(reviewed.ok ? 'accepted' : reviewed.refusal.code).toBe(offered.length ? 'accepted' : 'forbidden');
  });
});

describe('the drifts the console had, answered by the rules', () => {
  test('the lead unit may ask for an extension in all five stages before the reply is issued, by its due date; the committee then decides', () => {
    const stages: [ProposalState, string][] = [
      [given(toAssigned), 'drafting'],
      [given(toCountersigning), 'countersigning'],
      [given([...toCountersigning, countersign()]), 'drafted'],
      [given(toUnderReview), 'underReview'],
      [given([...toUnderReview, accept]), 'approved'],
    ];
    for (const [s, stage] of stages) {
      expect(s.tracks['smx-drc']!.stage).toBe(stage);
      expect(actions(s, drc).find((a) => a.action === 'requestExtension')).toEqual({ action: 'requestExtension', maxMonths: 3, until: '2024-06-21' });
      expect(names(s, stb)).not.toContain('requestExtension');
      expect(names(s, committee)).not.toContain('decideExtension');
    }
    const asked = given([...toAssigned, askExtension(2)]);
    expect(actions(asked, committee).find((a) => a.action === 'decideExtension')).toEqual({ action: 'decideExtension', unitId: 'smx-drc', maxMonths: 2 });
    expect(names(asked, drc)).not.toContain('requestExtension');
    expect(names(given(toAssigned), drc, on('2024-06-22'))).not.toContain('requestExtension');
    const extended = given([...toAssigned, ...extension(3)]);
    expect(names(extended, drc)).not.toContain('requestExtension');
    expect(names(given(toReplied), drc)).not.toContain('requestExtension');
  });

  test('any assigned unit may record a contact at any stage; a unit not assigned may not', () => {
    for (const s of [given(toAssigned), given(toUnderReview), given(toFollowUp)]) {
      expect(names(s, drc)).toContain('recordContact');
      expect(names(s, stb)).toContain('recordContact');
      expect(names(s, edu)).not.toContain('recordContact');
    }
  });

  test('the reply classes are the pinned policy’s scheme, for the draft and for the review', () => {
    const fourClasses: HandlingPolicy = {
      ...policy,
      classScheme: [
        { code: 'A', label: '已解决' },
        { code: 'B', label: '正在解决' },
        { code: 'C', label: '计划解决' },
        { code: 'D', label: '留作参考' },
      ],
    };
    const draftable = given(toDraftable, T0, undefined, fourClasses);
    expect(actions(draftable, drc, T0, fourClasses).find((a) => a.action === 'draftReply')?.classes?.map((c) => c.code)).toEqual(['A', 'B', 'C', 'D']);
    const review = given(toUnderReview, T0, undefined, fourClasses);
    expect(actions(review, committee, T0, fourClasses).find((a) => a.action === 'reviewReply')).toEqual({ action: 'reviewReply', unitId: 'smx-drc', classes: fourClasses.classScheme });
  });

  test('a registered proposal is offered for assignment; the body may be joint or separate', () => {
    expect(names(given([register]), committee)).toEqual(['assign']);
    const separate = given([register, assign({ mode: 'separate', units: ['smx-drc', 'smx-stb'] })]);
    expect(Object.keys(separate.tracks)).toEqual(['smx-drc', 'smx-stb']);
  });

  test('the draft salutation names every recipient; a key proposal is signed by the head alone', () => {
    const offer = actions(given(toDraftable), drc).find((a) => a.action === 'draftReply');
    expect(offer?.recipients).toEqual(['王凤杰', '孙钰蓉', '李宝松']);
    expect(actions(given([...toUnderReview, accept]), drc).find((a) => a.action === 'issueReply')?.signerLevels).toEqual(['head', 'deputy']);
    const key = given([...toUnderReview, accept], T0, filed({ ...c202.intake, key: true }));
    expect(actions(key, drc).find((a) => a.action === 'issueReply')?.signerLevels).toEqual(['head']);
  });

  test('the reassignment decision offers reassigning only while every reply is drafted', () => {
    const asked = [...toAssigned, { type: 'requestReassignment', actor: stb, reason: '职能不符' } as Command];
    expect(actions(given(asked), committee).find((a) => a.action === 'decideReassignment')).toEqual({ action: 'decideReassignment', unitId: 'smx-stb', decisions: ['keep', 'reassign'], assisting: true });
    const drafted = given([...asked, opinion(), recordContact(), draftReply(), countersign(), submit()], later(T0, 1));
    expect(actions(drafted, committee, later(T0, 1)).find((a) => a.action === 'decideReassignment')?.decisions).toEqual(['keep']);
  });
});

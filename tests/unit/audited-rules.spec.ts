/**
 * The rules as a committee would audit them (issue 7): the irregular cases of a real session,
 * each with dates counted by hand on the 2024–2026 calendar.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Command } from '../../workflows/domain/commands';
import { openDuties, replyDue } from '../../workflows/domain/duties';
import type { ProposalEvent, RecordedEvent } from '../../workflows/domain/events';
import { type SettledDuty, settle } from '../../workflows/domain/ledger';
import { addCalendarYear, decide, joinMerged } from '../../workflows/domain/lifecycle';
import { pinnedPolicy, withCalendarYears } from '../../workflows/domain/policy';
import { year2027 } from '../support/calendar-2027';
import { seedDirectory } from '../../seeds/reference-case';
import { nextWakeUp, elapse } from '../../workflows/domain/schedule';
import { fold } from '../../workflows/domain/state';
import { summarize } from '../../workflows/domain/summary';
import { describeEvent } from '../../workflows/domain/timeline';
import { statistics } from '../../apps/api/src/supervision/statistics';
import { compressedPolicy } from '../../seeds/policy';
import {
  T0, accept, assign, c202, committee, countersign, draft, soleDraft, draftReply, drc, edu, filed, given, issue, li, on, opinion, policy, rate,
  recordContact, refusal, register, report, stb, submit, sun, then, tick, toAssigned, toFollowUp, toReplied, wang, askExtension, extension, publish,
} from '../support/decider';

/** Acts as the workflow does: each command at its own time, the clock run up to it, and every settled duty kept. */
function story(steps: [string, Command][], p = policy, until?: string) {
  let state = filed(c202.intake, steps[0]![0]);
  const settled: SettledDuty[] = [];
  const events: ProposalEvent[] = [];
  const apply = (es: ProposalEvent[]) => {
    for (const e of es) {
      const next = settle(state, e, p);
      state = next.state;
      settled.push(...next.settled);
      events.push(e);
    }
  };
  const runClock = (to: string) => {
    for (let wake = nextWakeUp(state, { now: to, policy: p }); wake && wake <= to; wake = nextWakeUp(state, { now: to, policy: p })) {
      apply(elapse(state, { now: wake, policy: p }));
    }
  };
  for (const [at, command] of steps) {
    runClock(at);
    const d = decide(command, state, { now: at, policy: p });
    if (!d.ok) throw new Error(`${command.type} at ${at} was refused: ${d.refusal.message}`);
    apply(d.events);
  }
  if (until) runClock(until);
  return { state, settled, events };
}

describe('1. a silent co-handler does not hold the reply up', () => {
  // Assigned Thu 21 March 2024; the Science Bureau's opinion is due in a month: 21 April is a Sunday, so Mon 22 April.
  const contacted = given([...toAssigned, recordContact()]);

  test('the lead unit drafts without the opinion once its period has passed; the silence is recorded against the co-handler', () => {
    expect(refusal(contacted, draftReply(), on('2024-04-22'))).toEqual({ code: 'notReady', message: 'waiting for the opinions of smx-stb (due 2024-04-22)' });
    expect(then(contacted, draftReply(), on('2024-04-23'))).toEqual([{ type: 'ReplyDrafted', unitId: 'smx-drc', draft, withoutOpinionsOf: ['smx-stb'] }]);
    const drafted = given([draftReply()], on('2024-04-23'), contacted);
    // The co-handler still owes its opinion, overdue, and it climbs the ladder towards the co-handler's head, not the lead's.
    const owed = openDuties(drafted, policy, on('2024-04-23')).filter((d) => d.unitId === 'smx-stb' && !d.optional).map((d) => `${d.kind}:${d.due.date}`);
    expect(owed).toEqual(['coHandlerOpinion:2024-04-22', 'countersign:2024-04-29']);
    const laddered = tick(drafted, '2024-04-29T16:00:00.000Z');
    expect(Object.keys(laddered.alertsRaised).filter((k) => k.startsWith('coHandlerOpinion:smx-stb')).map((k) => k.split('|').slice(1, 3).join(''))).toEqual(['warning0', 'overdue0', 'escalation1']);
  });

  test('the committee releases a countersign only once it is overdue, with a reason; the draft goes on', () => {
    // Drafted Tue 23 April: 5 working days are 24, 25, 26, the 调休 Sunday 28 and Mon 29 April.
    const drafted = given([draftReply(drc, soleDraft)], on('2024-04-23'), contacted);
    const release: Command = { type: 'releaseCountersign', actor: committee, unitId: 'smx-stb', reason: '市科技局逾期未会签，经督办仍未反馈' };
    expect(refusal(drafted, release, on('2024-04-29'))).toEqual({ code: 'notReady', message: 'the countersign of smx-stb is not overdue: it is due by 2024-04-29' });
    expect(then(drafted, release, on('2024-04-30'))).toEqual([{ type: 'CountersignReleased', unitId: 'smx-stb', leadUnitId: 'smx-drc', reason: '市科技局逾期未会签，经督办仍未反馈' }]);
    const released = given([release], on('2024-04-30'), drafted);
    expect(released.tracks['smx-drc']).toMatchObject({ stage: 'drafted', released: ['smx-stb'] });
    expect(then(released, submit(), on('2024-04-30'))).toEqual([{ type: 'ReplySubmitted', unitId: 'smx-drc' }]);
    // A co-issuer released has not signed: the draft that names it goes no further until revised without it.
    const coIssued = given([release], on('2024-04-30'), given([draftReply()], on('2024-04-23'), contacted));
    expect(refusal(coIssued, submit(), on('2024-04-30'))).toEqual({ code: 'notReady', message: 'the co-issuing smx-stb has not signed: revise the draft without it' });
    const revised = given([draftReply(drc, soleDraft), countersign(stb, null)], on('2024-04-30'), coIssued);
    expect(then(revised, submit(), on('2024-04-30'))).toEqual([{ type: 'ReplySubmitted', unitId: 'smx-drc' }]);
    expect(refusal(released, { ...release, unitId: 'smx-edu' }, on('2024-04-30'))).toEqual({ code: 'wrongUnit', message: 'smx-edu is not a co-handling unit of this proposal', path: ['unitId'] });
    // Both are policy: a place that does not do so refuses.
    const strict = { ...policy, coHandling: { draftWithoutOverdueOpinions: false, committeeReleasesOverdueCountersign: false } };
    expect(refusal(contacted, draftReply(), on('2024-05-30'), strict).code).toBe('notReady');
    expect(refusal(drafted, release, on('2024-05-30'), strict).code).toBe('forbidden');
  });
});

describe('2. a reassignment touches only the units it names', () => {
  const three = assign({ mode: 'joint', lead: 'smx-drc', coHandlers: ['smx-stb', 'smx-edu'] });
  const ask = (actor = edu): Command => ({ type: 'requestReassignment', actor, reason: '不属于本单位职能' });

  test('three units, one opinion already sent: the leaving unit goes, the new one starts its periods, the rest keep theirs', () => {
    const before = given([register, three, opinion(stb)], T0);
    const asked = given([ask(edu), ask(drc)], on('2024-03-25'), before);
    const decision: Command = { type: 'decideReassignment', actor: committee, unitId: 'smx-edu', decision: { decision: 'reassign', assignment: { mode: 'joint', lead: 'smx-drc', coHandlers: ['smx-stb', 'smx-ind'] }, reason: '改由市工信局会办' } };
    expect(then(asked, decision, on('2024-03-26'))).toEqual([
      { type: 'ProposalReassigned', unitId: 'smx-edu', assignment: { mode: 'joint', lead: 'smx-drc', coHandlers: ['smx-stb', 'smx-ind'] }, reason: '改由市工信局会办', onlyNamedUnits: true },
    ]);
    const after = given([decision], on('2024-03-26'), asked);
    expect(after.opinions).toEqual({ 'smx-stb': before.opinions['smx-stb'] });
    expect(after.reassignmentRequests).toEqual({ 'smx-drc': asked.reassignmentRequests['smx-drc'] });
    expect(after.unitAssignedAt).toEqual({ 'smx-drc': T0, 'smx-stb': T0, 'smx-ind': on('2024-03-26') });
    const due = openDuties(after, policy, on('2024-03-26')).filter((d) => d.kind !== 'reassignmentWindow').map((d) => `${d.kind}:${d.unitId}:${d.due.date}`);
    // The lead's reply stays due Fri 21 June; only the Industry Bureau's opinion runs from 26 March: Fri 26 April.
    expect(due).toEqual(['coHandlerOpinion:smx-ind:2024-04-26', 'contactBeforeHandling:smx-drc:2024-04-12', 'reply:smx-drc:2024-06-21']);
    // A proposal under the legacy rules folds its reassignments as it did: every period afresh, every request and opinion gone.
    const legacy = given([decision], on('2024-03-26'), asked, pinnedPolicy(policy, true));
    expect([legacy.opinions, legacy.reassignmentRequests, legacy.unitAssignedAt['smx-drc']]).toEqual([{}, {}, on('2024-03-26')]);
  });

  test('a swap: the objecting lead becomes a co-handler and a co-handler leads; refused once a reply is past drafting', () => {
    const asked = given([register, assign(), ask(drc)], T0);
    const swap: Command = { type: 'decideReassignment', actor: committee, unitId: 'smx-drc', decision: { decision: 'reassign', assignment: { mode: 'joint', lead: 'smx-stb', coHandlers: ['smx-drc'] }, reason: '以科技为主' } };
    const swapped = given([swap], on('2024-03-25'), asked);
    expect(Object.keys(swapped.tracks)).toEqual(['smx-stb']);
    expect(replyDue(swapped.tracks['smx-stb']!, policy).date).toBe('2024-06-21');
    const late = given([register, three, recordContact(), opinion(stb), opinion(edu), ask(edu), draftReply()], T0);
    expect(refusal(late, { type: 'decideReassignment', actor: committee, unitId: 'smx-edu', decision: { decision: 'reassign', assignment: joint2, reason: 'x' } })).toEqual({
      code: 'wrongStage', message: 'the reply of smx-drc is already countersigning; a proposal is reassigned only while it is drafted',
    });
  });
  const joint2 = { mode: 'joint' as const, lead: 'smx-drc', coHandlers: ['smx-stb'] };
});

describe('3. extensions are counted from the assignment', () => {
  test('assigned 1 July 2024 and extended by 3 months: due 2 January 2025, not 8 January', () => {
    const assigned = given(toAssigned, on('2024-07-01'));
    // 1 October is National Day: three months end on Tue 8 October.
    expect(replyDue(assigned.tracks['smx-drc']!, policy).date).toBe('2024-10-08');
    const extended = given(extension(3), on('2024-07-02'), assigned);
    // Six months from 1 July is New Year's Day 2025: due Thu 2 January.
    expect(replyDue(extended.tracks['smx-drc']!, policy).date).toBe('2025-01-02');
    expect(replyDue(extended.tracks['smx-drc']!, pinnedPolicy(policy, true)).date).toBe('2025-01-08');
    expect(refusal(extended, askExtension(1))).toEqual({
      code: 'invalid', message: 'the reply period may be at most 6 months in all; this would make 7', path: ['months'],
    });
  });
});

describe('4, 12. commitments are reported every period until delivered or declared undeliverable', () => {
  test('two years of follow-up with one commitment never reported: each quarter its own duty and overdue alert; at 24 months it is overdue to the committee and the proposal stays open', () => {
    const steps: [string, Command][] = [...toFollowUp, report(1), report(2), report(3)].map((c) => [T0, c]);
    const { state, events } = story(steps, policy, '2026-03-24T02:00:00.000Z');
    const overdue = (kind: string) =>
      events.flatMap((e) => (e.type === 'AlertRaised' && e.alert.dutyKind === kind && e.alert.kind === 'overdue' ? [e.alert.dueDate] : []));
    // Reply 21 March 2024; every three months, moved off weekends.
    expect(overdue('followUpReport')).toEqual(['2024-06-21', '2024-09-23', '2024-12-23', '2025-03-21', '2025-06-23', '2025-09-22', '2025-12-22', '2026-03-23']);
    // No proposal asks for a yearly summary of its own: the unit's covers all its proposals (annual-summary.spec).
    expect(overdue('annualSummary')).toEqual([]);
    expect(overdue('lookBack')).toEqual(['2024-12-31']);
    const delivery = events.flatMap((e) => (e.type === 'AlertRaised' && e.alert.dutyKind === 'commitmentDelivery' && e.alert.kind === 'overdue' ? [e.alert] : []));
    expect(delivery).toEqual([expect.objectContaining({ commitmentNo: 4, audience: 'committee', dueDate: '2026-03-23' })]);
    expect(state.status).toBe('handling');
    expect(state.tracks['smx-drc']!.commitments.map((c) => c.status)).toEqual(['delivered', 'delivered', 'delivered', 'open']);
  });

  test('one report covers every period begun and not yet covered (late ones stay late in the ledger); the next period is owed ahead', () => {
    const s = given([...toFollowUp], T0);
    const late = given([report(1, false)], on('2024-10-08'), s);
    const periods = openDuties(late, policy, on('2024-10-08')).filter((d) => d.kind === 'followUpReport' && d.commitmentNo === 1).map((d) => `${d.period}:${d.due.date}`);
    // 8 October falls in the third period (24 September – 23 December): it covers periods 1–3; the fourth is due 21 March 2025.
    expect(periods).toEqual(['4:2025-03-21']);
  });

  test('any assigned unit reports on a commitment in its field', () => {
    expect(then(given(toFollowUp), report(2, false, stb))).toEqual([{ type: 'FollowUpReported', unitId: 'smx-drc', commitmentNo: 2, progress: '按计划推进', done: false }]);
  });
});

describe('5. the annual summary and 回头看', () => {
  test('proposals pinned before the unit’s yearly summary: the unit sends one per proposal for the year it owes; the committee records its look back once', () => {
    const perProposal = { ...policy, annualSummary: 'perProposal' as const };
    const s = given(toFollowUp, T0, filed(), perProposal);
    const summary: Command = { type: 'submitAnnualSummary', actor: drc, text: '四项承诺落实情况' };
    expect(then(s, summary, on('2024-10-08'), perProposal)).toEqual([{ type: 'AnnualSummarySubmitted', unitId: 'smx-drc', year: 2024, text: '四项承诺落实情况' }]);
    const sent = given([summary], on('2024-10-08'), s, perProposal);
    // Before 10 October each year (9 October 2025 follows the National Day week).
    expect(openDuties(sent, perProposal, on('2024-10-08')).find((d) => d.kind === 'annualSummary')).toMatchObject({ period: 2025, due: { date: '2025-10-09' } });
    expect(refusal(s, { ...summary, actor: stb }, T0, perProposal).code).toBe('wrongUnit');
    // Under the policy in force no proposal owes one: the unit's summary of the year is its own workflow's.
    expect(openDuties(s, policy, on('2024-10-08')).some((d) => d.kind === 'annualSummary')).toBe(false);
    expect(refusal(s, summary, on('2024-10-08')).code).toBe('notReady');
    expect(pinnedPolicy({ ...policy, annualSummary: undefined } as never, false).annualSummary).toBe('perProposal');
    const lookBack: Command = { type: 'recordLookBack', actor: committee, summary: '四项承诺均在推进' };
    expect(then(s, lookBack, on('2024-12-20'))).toEqual([{ type: 'LookBackRecorded', summary: '四项承诺均在推进' }]);
    expect(refusal(given([lookBack], on('2024-12-20'), s), lookBack).code).toBe('alreadyDone');
    expect(refusal(given(toReplied), lookBack).code).toBe('notReady');
  });
});

describe('6. 不满意 is the committee’s to send back', () => {
  const unsatisfied = [...toReplied, rate(wang, 'unsatisfied'), rate(sun), rate(li)];

  test('the committee accepts the rating with a note: follow-up goes on, no second round', () => {
    const s = given(unsatisfied);
    expect(s.tracks['smx-drc']!.stage).toBe('rehandlingDecision');
    expect(openDuties(s, policy, T0).find((d) => d.kind === 'rehandlingDecision')).toMatchObject({ unitId: null, key: 'rehandlingDecision:-:-:-@smx-drc', due: { date: '2024-03-28' } });
    const accepted = given([{ type: 'decideRehandling', actor: committee, decision: 'acceptRating', note: '已尽力解释，委员意见留作参考' }], T0, s);
    expect(accepted.tracks['smx-drc']).toMatchObject({ stage: 'followUp', round: 1 });
  });

  test('where the policy says so, it goes back by itself', () => {
    const automatic = { ...policy, rehandling: 'automatic' as const };
    expect(given(unsatisfied, T0, filed(), automatic).tracks['smx-drc']).toMatchObject({ stage: 'drafting', round: 2 });
  });
});

describe('7. statistics by DOMAIN.md’s definitions', () => {
  test('hand-counted: a co-handler late with its opinion and countersign; per-proposal satisfaction on the lowest rating; a site visit counts as 见面', () => {
    // Proposal A (202): the Science Bureau is silent; the DRC drafts on 23 April, the committee releases the countersign on 30 April.
    const a = story([
      [T0, register],
      [T0, assign()],
      [T0, { type: 'recordContact', actor: drc, contact: { ...c202.contacts[0]!.contact, form: 'siteVisit', occurredAt: T0 } }],
      [on('2024-04-23'), draftReply(drc, soleDraft)],
      [on('2024-04-30'), { type: 'releaseCountersign', actor: committee, unitId: 'smx-stb', reason: '逾期' }],
      [on('2024-04-30'), submit()],
      [on('2024-04-30'), accept],
      [on('2024-04-30'), issue()],
      [on('2024-04-30'), publish()],
      [on('2024-04-30'), rate(wang)],
      [on('2024-04-30'), rate(sun, 'unsatisfied')],
      [on('2024-04-30'), rate(li, 'basicallySatisfied')],
    ]);
    // Proposal B: the DRC alone, everything on time, one phone call, all 满意, no commitments.
    const b = story(
      [
        [T0, register],
        [T0, assign({ mode: 'joint', lead: 'smx-drc', coHandlers: [] })],
        [T0, { type: 'recordContact', actor: drc, contact: { ...c202.contacts[1]!.contact, occurredAt: T0 } }],
        [T0, draftReply(drc, { ...soleDraft, replyClass: 'A', commitments: [] })],
        [T0, submit()],
        [T0, accept],
        [T0, issue()],
        [T0, publish()],
        [T0, rate(wang)],
        [T0, rate(sun)],
        [T0, rate(li)],
      ].map(([at, c]) => [at as string, c as Command]),
    );
    const asOf = on('2024-05-06');
    const summaries = [a, b].map((x, i) => ({ ...summarize(x.state, policy, x.settled, openDuties(x.state, policy, asOf)), number: 202 + i }));
    const { rows, totals } = statistics(summaries, asOf);
    const drcRow = rows.find((r) => r.unitId === 'smx-drc')!;
    const stbRow = rows.find((r) => r.unitId === 'smx-stb')!;
    // The Science Bureau: opinion (due 22 April, never sent) and countersign (due 29 April, released): 2 due, 0 on time.
    expect(stbRow).toMatchObject({ assigned: 1, dutiesDue: 2, dutiesOnTime: 0, onTimeRate: 0, replyRate: null, contactRate: 0, meetingRate: 0 });
    // The DRC: A's contact, reply and publication decision, B's the same: 6 of 6 on time; A's first reports are not yet due.
    // 满意率 per proposal: A counts as 不满意 (its lowest rating), B as 满意: 1 of 2. 见面: A's site visit, not B's call.
    expect(drcRow).toMatchObject({
      assigned: 2, replied: 2, repliedOnTime: 2, replyRate: 1, dutiesDue: 6, dutiesOnTime: 6, onTimeRate: 1,
      rated: 2, satisfactionRate: 0.5, firstReplySatisfactionRate: 0.5, contactRate: 1, meetingRate: 0.5,
      commitmentsOpen: 4, commitmentsDelivered: 0, commitmentsOverdue: 0, commitmentsUndeliverable: 0,
    });
    // The session's total counts proposals: 2 assigned (A with two units is one), both replied on time, A met on its
    // site visit and B only called: 见面率 1 of 2, 沟通率 2 of 2, 满意率 1 of 2; duties are the units' sum, 6 of 8 on time.
    expect(totals).toEqual([
      expect.objectContaining({ sessionId: drcRow.sessionId, assigned: 2, replied: 2, repliedOnTime: 2, dutiesDue: 8, dutiesOnTime: 6, onTimeRate: 0.75, replyRate: 1, rated: 2, satisfactionRate: 0.5, contactRate: 1, meetingRate: 0.5, commitmentsOpen: 4 }),
    ]);
    // Under the lead signer's rating (王凤杰: 满意) proposal A counts as satisfied.
    const lead = { ...policy, satisfactionBasis: 'leadSigner' as const };
    const byLead = statistics([a, b].map((x, i) => ({ ...summarize(x.state, lead, x.settled, openDuties(x.state, lead, asOf)), number: 202 + i })), asOf);
    expect(byLead.rows.find((r) => r.unitId === 'smx-drc')!.satisfactionRate).toBe(1);
  });

  test('commitments: open, delivered, overdue and undeliverable are each their own figure', () => {
    const steps: [string, Command][] = [
      ...[...toFollowUp, report(1), { type: 'declareUndeliverable', actor: drc, commitmentNo: 2, reason: '政策调整' } as Command].map((c): [string, Command] => [T0, c]),
      [on('2024-04-01'), { type: 'closeCommitment', actor: committee, commitmentNo: 2, decision: 'accept', reason: '理由成立' }],
    ];
    const x = story(steps);
    const count = (asOf: string) => statistics([summarize(x.state, policy, x.settled, openDuties(x.state, policy, asOf))], asOf).rows.find((r) => r.unitId === 'smx-drc')!;
    expect(count(on('2024-04-02'))).toMatchObject({ commitmentsOpen: 2, commitmentsDelivered: 1, commitmentsOverdue: 0, commitmentsUndeliverable: 1 });
    // After the 24-month limit (Mon 23 March 2026) the two still open are overdue.
    expect(count(on('2026-03-24'))).toMatchObject({ commitmentsOpen: 0, commitmentsDelivered: 1, commitmentsOverdue: 2, commitmentsUndeliverable: 1 });
  });
});

describe('8, 9. merged proposals and the reply’s recipients', () => {
  test('a merged proposal’s proposers receive the reply, are copied with the committee, and may rate it', () => {
    const zhang = { id: 'zhang-san', name: '张三', kind: 'member' as const, leadSigner: true };
    const s = given(toAssigned);
    const joined = fold(joinMerged(s, { number: 150, proposers: [zhang] }, committee, T0), s);
    expect(joinMerged(joined, { number: 150, proposers: [zhang] }, committee, T0)).toEqual([]);
    // The salutation names every recipient, the merged proposal's proposer too: a draft that leaves him out is refused.
    const drafting = given([recordContact(), opinion()], T0, joined);
    expect(refusal(drafting, draftReply())).toMatchObject({ code: 'invalid', path: ['draft', 'salutation'], message: 'the salutation must name every recipient; it leaves out 张三' });
    const named = draftReply(drc, { ...soleDraft, salutation: '尊敬的王凤杰、孙钰蓉、李宝松、张三委员：' });
    const approved = given([named, countersign(stb, null), submit(), accept], T0, drafting);
    expect(then(approved, issue())).toEqual([
      {
        type: 'ReplyIssued', unitId: 'smx-drc', signer: c202.signer, documentNumber: draft.documentNumber, replyClass: 'B',
        recipients: ['wang-fengjie', 'sun-yurong', 'li-baosong', 'zhang-san'], copiedTo: ['committee', 'supervisionOffice', 'smx-stb'],
      },
    ]);
    const replied = given([issue(), rate(wang), rate(sun), rate(li)], T0, approved);
    expect(replied.tracks['smx-drc']!.stage).toBe('replied');
    expect(then(replied, rate({ role: 'proposer', id: 'zhang-san' })).map((e) => e.type)).toEqual(['ReplyEvaluated', 'EvaluationConcluded']);
    expect(summarize(replied, policy, [], openDuties(replied, policy, T0)).replies[0]).toMatchObject({ recipients: ['wang-fengjie', 'sun-yurong', 'li-baosong', 'zhang-san'], copiedTo: ['committee', 'supervisionOffice', 'smx-stb'] });
  });
});

describe('11. proposal 202 as the reply has it', () => {
  test('the header, title line, salutation and plan heading are the reply’s own lines', () => {
    const lines = fs.readFileSync(path.resolve(__dirname, '../../seeds/proposal-202-reply.txt'), 'utf8').split('\n').map((l) => l.trim());
    const names = new Map(seedDirectory().units.map((u) => [u.id, u.name]));
    expect(lines).toContain(['smx-drc', ...draft.coIssuers!].map((u) => names.get(u)).join(' '));
    expect(lines).toContain(draft.titleLine!);
    expect(lines).toContain(draft.salutation);
    expect(lines).toContain(draft.commitmentsHeading!);
    expect(draft.salutation).toBe('尊敬的王凤杰、孙钰蓉、李宝松委员：');
  });
});

describe('12. alerts are keyed by the due instant', () => {
  test('on compressed time (seconds for months) every period of a report is reminded, not just the first', () => {
    const p = compressedPolicy();
    const start = '2024-03-21T02:00:00.000Z';
    const s = given([...toFollowUp], start, filed(), p);
    const after = tick(tick(s, '2024-03-21T02:00:09.000Z', p), '2024-03-21T02:00:17.000Z', p);
    const overdue = Object.keys(after.alertsRaised).filter((k) => k.startsWith('followUpReport:smx-drc:-:1#') && k.includes('|overdue|'));
    expect(overdue).toEqual(['followUpReport:smx-drc:-:1#1|overdue|0|2024-03-21T02:00:08.000Z', 'followUpReport:smx-drc:-:1#2|overdue|0|2024-03-21T02:00:16.000Z']);
  });
});

describe('13. the readable timeline says who, what changed and why', () => {
  const line = (e: ProposalEvent) => describeEvent({ ...e, seq: 1 } as RecordedEvent);
  const at = T0;

  test('drafts, change requests, class corrections and lapses read as what they were, in Chinese and English', () => {
    const first = line({ type: 'ReplyDrafted', unitId: 'smx-drc', draft, at, by: drc });
    const second = line({ type: 'ReplyDrafted', unitId: 'smx-drc', draft: { ...draft, documentNumber: '三发改提〔2024〕202-1号' }, withoutOpinionsOf: ['smx-stb'], at, by: drc });
    expect(first.en).not.toBe(second.en);
    expect(second).toEqual({
      zh: 'drc-officer (smx-drc) 草拟答复 三发改提〔2024〕202-1号：B类，承诺事项 4 项；smx-stb 逾期未提交会办意见',
      en: 'drc-officer (smx-drc) drafted reply 三发改提〔2024〕202-1号: class B, 4 commitment(s); without the overdue opinion of smx-stb',
    });
    expect(line({ type: 'DraftChangesRequested', unitId: 'smx-stb', leadUnitId: 'smx-drc', comments: '请补充人才引育内容', at, by: stb })).toEqual({
      zh: 'smx-stb 要求修改答复稿：请补充人才引育内容', en: 'smx-stb asked for changes: 请补充人才引育内容',
    });
    expect(line({ type: 'ReplyApproved', unitId: 'smx-drc', replyClass: 'A', correctedFrom: 'B', at, by: committee }).en).toBe('reply approved by committee-clerk, class corrected B→A');
    expect(line({ type: 'CommitmentClosed', unitId: 'smx-drc', commitmentNo: 4, reason: 'the follow-up period ended', at, by: { role: 'clock', id: 'clock' } }).en).toBe(
      'commitment 4 lapsed by the clock at the follow-up limit (legacy rules)',
    );
    expect(line({ type: 'CommitmentClosed', unitId: 'smx-drc', commitmentNo: 4, reason: '政策调整', at, by: committee }).zh).toBe('提案委员会认可承诺 4 无法兑现：政策调整');
    expect(line({ type: 'ProposalReassigned', unitId: 'smx-edu', assignment: { mode: 'joint', lead: 'smx-drc', coHandlers: ['smx-ind'] }, reason: '改由市工信局会办', at, by: committee }).zh).toBe(
      '应 smx-edu 异议调整交办：主办 smx-drc，会办 smx-ind，理由：改由市工信局会办',
    );
  });
});

describe('10. a calendar year loaded while proposals run', () => {
  test('a running proposal takes a year its calendar lacks, and its due dates follow; a year it covered stays as pinned where corrections are not taken', () => {
    const s = given(toAssigned, on('2026-11-09'));
    // Three months from Mon 9 November 2026 end on Tue 9 February 2027: a weekday, as far as the pinned calendar knows.
    expect(openDuties(s, policy, on('2026-11-09')).find((d) => d.kind === 'reply')!.due.date).toBe('2027-02-09');
    const added = addCalendarYear(s, policy, { calendarYear: year2027 }, committee, on('2026-11-27'));
    expect(added).toEqual([{ type: 'CalendarYearAdded', calendarYear: year2027, at: on('2026-11-27'), by: committee }]);
    const after = fold(added, s);
    const rules = withCalendarYears(policy, after.calendarYears);
    // With 2027's Spring Festival week (6–12 February) it moves to Mon 15 February.
    expect(openDuties(after, rules, on('2026-11-27')).find((d) => d.kind === 'reply')!.due.date).toBe('2027-02-15');
    expect(addCalendarYear(after, rules, { calendarYear: year2027 }, committee, on('2026-11-28'))).toEqual([]);
    expect(addCalendarYear(s, policy, { calendarYear: { ...year2027, year: 2026, holidays: ['2026-12-24'], workingWeekends: [] } }, committee, on('2026-11-28'))).toEqual([]);
  });

  test('a corrected notice reaches a running proposal from the day it arrives: the days already passed stay as they were counted', () => {
    const took = fold(addCalendarYear(given(toAssigned, on('2026-11-09')), policy, { calendarYear: year2027, version: 1 }, committee, on('2026-11-27')), given(toAssigned, on('2026-11-09')));
    const rules = withCalendarYears(policy, took.calendarYears);
    // The Spring Festival break corrected to Sat 6 – Wed 10 February: Thu 11 February is a working day.
    const v2 = { calendarYear: { ...year2027, holidays: year2027.holidays.filter((d) => d < '2027-02-11' || d > '2027-02-12') }, version: 2 };
    // Proposals begun before corrections keep the year they took.
    expect(addCalendarYear(took, rules, v2, committee, on('2027-01-20'))).toEqual([]);
    const corrected = addCalendarYear(took, rules, v2, committee, on('2027-01-20'), true);
    expect(corrected).toEqual([{ type: 'CalendarYearCorrected', ...v2, at: on('2027-01-20'), by: committee }]);
    const after = fold(corrected, took);
    const afterRules = withCalendarYears(policy, after.calendarYears);
    expect(openDuties(after, afterRules, on('2027-01-20')).find((d) => d.kind === 'reply')!.due.date).toBe('2027-02-11');
    // Version 1 arriving late (its broadcast was slower) does not undo it.
    expect(addCalendarYear(after, afterRules, { calendarYear: year2027, version: 1 }, committee, on('2027-01-21'), true)).toEqual([]);
    // Arriving once the days it changes have passed, a correction changes nothing.
    expect(addCalendarYear(took, rules, v2, committee, on('2027-02-13'), true)).toEqual([]);
    // Arriving in their midst, it changes only what is still ahead: 11 February was counted a holiday, 12 February is a working day.
    const midway = addCalendarYear(took, rules, { calendarYear: { ...v2.calendarYear, holidays: v2.calendarYear.holidays.filter((d) => d !== '2027-02-10') }, version: 2 }, committee, on('2027-02-12'), true);
    expect(midway).toEqual([{ type: 'CalendarYearCorrected', calendarYear: { ...year2027, holidays: year2027.holidays.filter((d) => d !== '2027-02-12') }, version: 2, at: on('2027-02-12'), by: committee }]);
  });
});

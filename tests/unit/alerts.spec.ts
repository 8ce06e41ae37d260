/**
 * Deadline alerts as specifications: when each fires, to whom, once, and how they follow a
 * duty's due date. Dates are Sanmenxia's 2024 calendar (Labour Day, the 调休 Sunday 28 April and
 * the 调休 Saturday 11 May).
 */
import { scheduledAlerts as scheduledAt } from '../../workflows/domain/alerts';
import type { Command } from '../../workflows/domain/commands';
import { elapse, nextWakeUp, schedule } from '../../workflows/domain/schedule';
import { ownerOf } from '../../workflows/domain/duties';
import { type ProposalState, fold } from '../../workflows/domain/state';
import type { Alert } from '../../workflows/domain/vocabulary';
import { T0, c202, committee, drc, extension, given, policy, stb } from '../support/decider';
import { pinnedPolicy } from '../../workflows/domain/policy';

const assigned = () => given([
  { type: 'review', actor: committee, review: { outcome: 'register' } },
  { type: 'assign', actor: committee, assignment: c202.assignment },
]);
const run = (s: ProposalState, now: string, p = policy) => fold(elapse(s, { now, policy: p }), s);
const scheduledAlerts = (s: ProposalState, p = policy, now = T0) => scheduledAt(s, p, now);
/** The alerts whose time has come and that were not raised before. */
const dueAlerts = (s: ProposalState, now: string): Alert[] =>
  schedule(s, { now, policy }).filter((step) => step.at <= now).flatMap((step) => step.events.flatMap((e) => (e.type === 'AlertRaised' ? [e.alert] : [])));

test("the co-handler's opinion: warned 3 working days before, overdue at the end of its day, then the ladder across Labour Day and the 调休 days", () => {
  const schedule = scheduledAlerts(assigned(), policy)
    .filter((a) => a.dutyKind === 'coHandlerOpinion')
    .map((a) => [a.kind, a.level, a.audience, a.at]);
  expect(schedule).toEqual([
    ['warning', 0, 'officer', '2024-04-16T16:00:00.000Z'], // morning of Wed 17 April: 3 working days before Mon 22 April
    ['overdue', 0, 'officer', '2024-04-22T16:00:00.000Z'], // 22 April has ended
    ['escalation', 1, 'unitHead', '2024-04-28T16:00:00.000Z'], // 5 working days on: 23–26 April and the 调休 Sunday 28 April
    ['escalation', 2, 'committee', '2024-05-08T16:00:00.000Z'], // 10: then 29–30 April, Labour Day 1–5 May off, 6–8 May
    ['escalation', 3, 'assessment', '2024-05-21T16:00:00.000Z'], // 20: 9, 10, the 调休 Saturday 11 May, 13–17, 20, 21 May
  ]);
});

test('the reply of three months is warned, falls overdue and escalates at its own instants', () => {
  const reply = scheduledAlerts(assigned(), policy).filter((a) => a.dutyKind === 'reply');
  expect(reply.map((a) => [a.kind, a.level, a.at])).toEqual([
    ['warning', 0, '2024-06-17T16:00:00.000Z'], // due Fri 21 June (Dragon Boat Festival was 10 June)
    ['overdue', 0, '2024-06-21T16:00:00.000Z'],
    ['escalation', 1, '2024-06-28T16:00:00.000Z'],
    ['escalation', 2, '2024-07-05T16:00:00.000Z'],
    ['escalation', 3, '2024-07-19T16:00:00.000Z'],
  ]);
});

test('each alert is raised once, when its time comes, and never for a duty already done', () => {
  let s = assigned();
  expect(dueAlerts(s, '2024-04-16T15:59:59.999Z').filter((a) => a.dutyKind === 'coHandlerOpinion')).toEqual([]);
  s = run(s, '2024-04-16T16:00:00.000Z');
  const raised = Object.keys(s.alertsRaised).filter((k) => k.startsWith('coHandlerOpinion'));
  expect(raised).toEqual(['coHandlerOpinion:smx-stb:-:-|warning|0|2024-04-22T16:00:00.000Z']);
  expect(elapse(s, { now: '2024-04-16T16:00:00.000Z', policy })).toEqual([]);
  // The opinion comes in: nothing more about it.
  s = given([{ type: 'submitOpinion', actor: stb, text: '意见' }], '2024-04-18T02:00:00.000Z', s);
  expect(scheduledAlerts(s, policy).filter((a) => a.dutyKind === 'coHandlerOpinion')).toEqual([]);
});

test('after a stretch with no clock (a worker down for weeks), every missed alert is raised at once, none lost', () => {
  const events = elapse(assigned(), { now: '2024-05-09T00:00:00.000Z', policy });
  const opinion = events.flatMap((e) => (e.type === 'AlertRaised' && e.alert.dutyKind === 'coHandlerOpinion' ? [`${e.alert.kind}${e.alert.level}`] : []));
  expect(opinion).toEqual(['warning0', 'overdue0', 'escalation1', 'escalation2']);
});

test('a moved due date arms new alerts: an extension of the reply period', () => {
  const s = given(extension(1), T0, assigned());
  const overdue = scheduledAlerts(s, policy).find((a) => a.dutyKind === 'reply' && a.kind === 'overdue')!;
  expect([overdue.dueDate, overdue.key]).toEqual(['2024-07-22', 'reply:smx-drc:-:-#1|overdue|0|2024-07-22T16:00:00.000Z']);
});

test('windows and rights are not chased: no alerts for rating windows or reassignment requests', () => {
  const kinds = new Set(scheduledAlerts(assigned(), policy).map((a) => a.dutyKind));
  expect(kinds.has('reassignmentWindow')).toBe(false);
  expect(kinds.has('evaluation')).toBe(false);
});

test('the clock always moves on: after acting at each wake-up, the next one is later, until the proposal closes', () => {
  let s = assigned();
  let wake = nextWakeUp(s, { now: T0, policy });
  for (let i = 0; wake && i < 50; i++) {
    s = run(s, wake);
    const next = nextWakeUp(s, { now: wake, policy });
    if (next) expect(next > wake).toBe(true);
    wake = next;
  }
  expect(Object.keys(s.alertsRaised).length).toBeGreaterThan(10);
});

test('at the follow-up limit open commitments fall overdue and are reported to the committee; the proposal stays open (under the legacy rules they lapsed)', () => {
  const steps: Command[] = [
    { type: 'recordContact', actor: drc, contact: { ...c202.contacts[0]!.contact, occurredAt: T0 } },
    { type: 'submitOpinion', actor: stb, text: '意见' },
    { type: 'draftReply', actor: drc, draft: c202.draft },
    { type: 'countersign', actor: stb, signer: c202.coSigner },
    { type: 'submitReply', actor: drc },
    { type: 'reviewReply', actor: committee, review: { decision: 'accept' } },
    { type: 'issueReply', actor: drc, signer: c202.signer },
    ...c202.intake.proposers.map((p): Command => ({ type: 'evaluate', actor: { role: 'proposer', id: p.id }, rating: 'satisfied' })),
  ];
  const following = given(steps, T0, assigned());
  // Reply 21 March 2024 + 24 months = Sat 21 March 2026, moved to Mon 23 March: overdue when it ends.
  const after = run(following, '2026-03-23T16:00:00.000Z');
  expect(after.status).toBe('handling');
  expect(after.tracks['smx-drc']!.commitments.map((c) => c.status)).toEqual(['open', 'open', 'open', 'open']);
  const delivery = Object.entries(after.alertsRaised).filter(([k]) => k.startsWith('commitmentDelivery') && k.includes('|overdue|'));
  expect(delivery.map(([k]) => k)).toEqual([1, 2, 3, 4].map((n) => `commitmentDelivery:smx-drc:-:${n}|overdue|0|2026-03-23T16:00:00.000Z`));
  expect(scheduledAlerts(after, policy, '2026-03-23T16:00:00.000Z').find((a) => a.dutyKind === 'commitmentDelivery' && a.kind === 'overdue')!.audience).toBe('committee');

  // Proposals under the legacy rules were pinned before replies were published through the system.
  const legacy = { ...pinnedPolicy(policy, true), periods: { ...policy.periods, publicationDecision: null } };
  const lapsed = run(given(steps, T0, assigned(), legacy), '2026-03-23T16:00:00.000Z', legacy);
  expect(lapsed.status).toBe('closed');
  expect(lapsed.tracks['smx-drc']!.commitments.map((c) => c.status)).toEqual(['lapsed', 'lapsed', 'lapsed', 'lapsed']);
});

test('every duty that is owed gets the same ladder: warned before, overdue when its due date ends, then each rung', () => {
  const reply: Command[] = [
    { type: 'recordContact', actor: drc, contact: { ...c202.contacts[0]!.contact, occurredAt: T0 } },
    { type: 'submitOpinion', actor: stb, text: '意见' },
    { type: 'draftReply', actor: drc, draft: c202.draft },
  ];
  const issued: Command[] = [
    { type: 'countersign', actor: stb, signer: c202.coSigner },
    { type: 'submitReply', actor: drc },
    { type: 'reviewReply', actor: committee, review: { decision: 'accept' } },
    { type: 'issueReply', actor: drc, signer: c202.signer },
  ];
  const rate = (rating: 'satisfied' | 'unsatisfied'): Command[] => c202.intake.proposers.map((p) => ({ type: 'evaluate', actor: { role: 'proposer', id: p.id }, rating }));
  const states: [string, ProposalState][] = [
    ['coHandlerOpinion, contactBeforeHandling, reply', assigned()],
    ['countersign', given(reply, T0, assigned())],
    ['reply (re-handling after 不满意)', given([...reply, ...issued, ...rate('unsatisfied'), { type: 'decideRehandling', actor: committee, decision: 'sendBack', note: '重办' }], T0, assigned())],
    ['followUpReport', given([...reply, ...issued, ...rate('satisfied')], T0, assigned())],
  ];
  const covered = new Set<string>();
  for (const [, state] of states) {
    const alerts = scheduledAlerts(state, policy);
    const byDuty = new Map<string, typeof alerts>();
    for (const a of alerts) byDuty.set(a.dutyKey, [...(byDuty.get(a.dutyKey) ?? []), a]);
    for (const [, ladder] of byDuty) {
      covered.add(ladder[0]!.dutyKind);
      // The committee's own duties are warned and fall overdue; the ladder climbs only above a unit.
      const rungs = ownerOf(ladder[0]!) === 'committee' ? ['warning0', 'overdue0'] : ['warning0', 'overdue0', 'escalation1', 'escalation2', 'escalation3'];
      expect(ladder.map((a) => `${a.kind}${a.level}`)).toEqual(rungs);
      expect(ladder[1]!.at).toBe(ladder[1]!.dueAt);
      expect(ladder.map((a) => a.at)).toEqual([...ladder.map((a) => a.at)].sort());
      expect(new Set(ladder.map((a) => a.at)).size).toBe(rungs.length);
    }
  }
  // The unit's yearly summary is owed by the unit over all its proposals, with this same ladder (annual-summary.spec).
  expect([...covered].sort()).toEqual(['coHandlerOpinion', 'commitmentDelivery', 'contactBeforeHandling', 'countersign', 'followUpReport', 'lookBack', 'publicationDecision', 'reply']);

  // Each duty's instants, counted by hand on the 2024 calendar (UTC instants of Beijing midnights).
  const ladder = (state: ProposalState, dutyKind: string) => scheduledAlerts(state, policy).filter((a) => a.dutyKind === dutyKind).map((a) => a.at.slice(0, 10));
  // 办前面商, due Fri 12 April (15 working days): warned Tue 9th; then the 调休 Sunday 28 April, Labour Day and the 调休 Saturday 11 May.
  expect(ladder(states[0]![1], 'contactBeforeHandling')).toEqual(['2024-04-08', '2024-04-12', '2024-04-19', '2024-04-26', '2024-05-13']);
  // 会签, due Thu 28 March (5 working days): the ladder crosses Qingming (4–6 April) and the 调休 Sunday 7 April.
  expect(ladder(states[1]![1], 'countersign')).toEqual(['2024-03-24', '2024-03-28', '2024-04-07', '2024-04-12', '2024-04-26']);
  // 重新办理, one month from the unsatisfied rating: 21 April is a Sunday, so due Mon 22 April.
  expect(ladder(states[2]![1], 'reply')).toEqual(['2024-04-16', '2024-04-22', '2024-04-28', '2024-05-08', '2024-05-21']);
  // 跟踪办理, each commitment's report three months after the reply: due Fri 21 June.
  expect(ladder(states[3]![1], 'followUpReport').slice(0, 5)).toEqual(['2024-06-17', '2024-06-21', '2024-06-28', '2024-07-05', '2024-07-19']);
  expect(scheduledAlerts(states[3]![1], policy).filter((a) => a.dutyKind === 'followUpReport')).toHaveLength(4 * 5);
});

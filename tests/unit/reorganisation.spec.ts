/**
 * 机构改革: a unit merged into or renamed as another passes its open work on a proposal to the
 * successor, with the due dates already running; what it did stays its own, in the history and in
 * the figures. Dates counted by hand on the 2024 calendar.
 */
import type { Actor } from '../../workflows/domain/commands';
import { openDuties } from '../../workflows/domain/duties';
import { type SettledDuty, settle } from '../../workflows/domain/ledger';
import { type Succession, decide, succeedUnit } from '../../workflows/domain/lifecycle';
import type { ProposalState } from '../../workflows/domain/state';
import { summarize } from '../../workflows/domain/summary';
import { describeEvent } from '../../workflows/domain/timeline';
import { statistics } from '../../apps/api/src/supervision/statistics';
import { T0, committee, draftReply, drc, given, on, opinion, policy, recordContact, report, stb, toAssigned, toFollowUp } from '../support/decider';

const fgw: Actor = { role: 'officer', id: 'fgw-officer', unitId: 'smx-fgw' };
const merged: Succession = { from: 'smx-drc', to: 'smx-fgw', kind: 'merged', effectiveOn: '2024-04-01', reason: '机构改革，职能整合' };

/** The succession told to the proposal at `now`, its settled duties kept as the workflow keeps them. */
function told(state: ProposalState, s: Succession, now: string): { state: ProposalState; settled: SettledDuty[] } {
  let next = state;
  const settled: SettledDuty[] = [];
  for (const e of succeedUnit(state, s, committee, now)) {
    const r = settle(next, e, policy);
    next = r.state;
    settled.push(...r.settled);
  }
  return { state: next, settled };
}

describe('机构改革: the successor takes the unit’s open work', () => {
  test('given the DRC assigned and in contact, when it is merged into the new unit on 1 April, then its reply is the successor’s, due 21 June as before, and the contact counts', () => {
    const s = given([...toAssigned, recordContact(), opinion()]);
    const before = openDuties(s, policy, on('2024-04-01')).find((d) => d.kind === 'reply')!;
    const { state } = told(s, merged, on('2024-04-01'));
    const reply = openDuties(state, policy, on('2024-04-01')).find((d) => d.kind === 'reply')!;
    expect([reply.unitId, reply.due]).toEqual(['smx-fgw', before.due]);
    expect(reply.due.date).toBe('2024-06-21');
    expect(openDuties(state, policy, on('2024-04-01')).some((d) => d.kind === 'contactBeforeHandling')).toBe(false);
    expect(state.assignment).toEqual({ mode: 'joint', lead: 'smx-fgw', coHandlers: ['smx-stb'] });
    expect(state.formerUnits).toEqual([{ unitId: 'smx-drc', successorId: 'smx-fgw', at: on('2024-04-01') }]);
    // The successor's officer drafts; the DRC's may no longer act for it.
    expect(decide(draftReply(fgw), state, { now: on('2024-04-02'), policy })).toMatchObject({ ok: true });
    expect(decide(draftReply(drc), state, { now: on('2024-04-02'), policy })).toMatchObject({ ok: false, refusal: { code: 'wrongUnit' } });
  });

  test('given the DRC’s reply issued and in follow-up, when it is renamed, then the reports are the successor’s and the DRC keeps its reply, its rating and its duties in the figures', () => {
    const s = given(toFollowUp);
    const { state } = told(s, { ...merged, kind: 'renamed' }, on('2024-04-01'));
    expect(openDuties(state, policy, on('2024-04-01')).filter((d) => d.kind === 'followUpReport').map((d) => d.unitId)).toEqual(['smx-fgw', 'smx-fgw', 'smx-fgw', 'smx-fgw']);
    expect(state.tracks['smx-fgw']!.issued!.issuedBy).toBe('smx-drc');
    expect(decide(report(1, true, fgw), state, { now: on('2024-04-02'), policy })).toMatchObject({ ok: true });
    const settled: SettledDuty[] = [{ key: 'reply:smx-drc:-:-#1', kind: 'reply', unitId: 'smx-drc', dueAt: '2024-06-21T16:00:00.000Z', doneAt: T0 }];
    const summary = summarize(state, policy, settled, openDuties(state, policy, on('2024-04-01')));
    const { rows } = statistics([summary], on('2024-04-01'));
    const row = (u: string) => rows.find((r) => r.unitId === u)!;
    expect(row('smx-drc')).toMatchObject({ assigned: 1, replied: 1, repliedOnTime: 1, rated: 1, dutiesDue: 1, dutiesOnTime: 1, commitmentsOpen: 0 });
    expect(row('smx-fgw')).toMatchObject({ assigned: 1, replied: 0, rated: 0, commitmentsOpen: 4 });
  });

  test('the history says it in the committee’s words', () => {
    const [e] = succeedUnit(given(toAssigned), merged, committee, on('2024-04-01'));
    expect(describeEvent({ ...e!, seq: 4 }, (id) => ({ 'smx-drc': '市发展改革委', 'smx-fgw': '市发展和改革委员会（新）' })[id] ?? id).zh).toBe('机构改革：市发展改革委并入市发展和改革委员会（新）（2024-04-01起），未办结事项由市发展和改革委员会（新）继续办理');
  });

  test('nothing passes where the unit has no part, where the successor already has one, or before the proposal is handled', () => {
    expect(succeedUnit(given(toAssigned), { ...merged, from: 'smx-edu' }, committee, T0)).toEqual([]);
    expect(succeedUnit(given(toAssigned), { ...merged, to: 'smx-stb' }, committee, T0)).toEqual([]);
    expect(succeedUnit(given([]), merged, committee, T0)).toEqual([]);
    // A co-handler merged: its opinion, already sent, stays sent for the successor.
    const { state } = told(given([...toAssigned, opinion(stb)]), { ...merged, from: 'smx-stb' }, T0);
    expect(state.assignment).toEqual({ mode: 'joint', lead: 'smx-drc', coHandlers: ['smx-fgw'] });
    expect(openDuties(state, policy, T0).some((d) => d.kind === 'coHandlerOpinion')).toBe(false);
  });
});

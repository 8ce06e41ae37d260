/** 办理工作总结: one per unit and year, over all its proposals; its due date and ladder counted by hand on the 2024 calendar. */
import { alertsToRaise, decideSubmission, summaryRequested } from '../../workflows/domain/annual-summary';
import { committee, drc, on, policy, stb, wang } from '../support/decider';

const asked = (at: string) => summaryRequested({ unitId: 'smx-drc', year: 2024, policy, requestedBy: committee }, at);

describe('the unit’s yearly summary (办理工作总结)', () => {
  test('given the committee asks in September, then it is due on the last working day before 10 October, with the ladder of any duty', () => {
    const s = asked(on('2024-09-02'));
    // 10 October 2024 is a Thursday: due Wednesday 9 October, at the end of that Beijing day.
    expect(s.due).toEqual({ date: '2024-10-09', at: '2024-10-09T16:00:00.000Z' });
    // Warned 3 working days before (the National Day week is off: Sun 29 September is a 调休 working day),
    // overdue when the day ends, then to the unit head, the committee and the assessment list after 5, 10 and 20
    // working days. The instants are UTC: each Beijing midnight is 16:00 the day before.
    expect(alertsToRaise(s, policy).map((a) => [`${a.kind}${a.level}`, a.audience, a.at.slice(0, 10)])).toEqual([
      ['warning0', 'officer', '2024-09-28'],
      ['overdue0', 'officer', '2024-10-09'],
      ['escalation1', 'unitHead', '2024-10-15'],
      ['escalation2', 'committee', '2024-10-22'],
      ['escalation3', 'assessment', '2024-11-05'],
    ]);
    expect(alertsToRaise(s, policy).every((a) => a.dutyKind === 'annualSummary' && a.unitId === 'smx-drc' && a.key.startsWith('annualSummary:smx-drc:-:-#2024|'))).toBe(true);
  });

  test('given it is asked after its due date, then no warning is raised: the overdue alert and the ladder at once', () => {
    expect(alertsToRaise(asked(on('2024-12-02')), policy).map((a) => `${a.kind}${a.level}`)).toEqual(['overdue0', 'escalation1', 'escalation2', 'escalation3']);
  });

  test('when the unit’s officer sends it, then it is in and no alert is left to raise; a second is refused', () => {
    const s = asked(on('2024-09-02'));
    const sent = decideSubmission(s, drc, { text: '全年承办提案12件，均按期答复。' }, on('2024-10-08'));
    if (!sent.ok) throw new Error(sent.refusal.message);
    expect(sent.state.submitted).toEqual({ text: '全年承办提案12件，均按期答复。', by: 'drc-officer', at: on('2024-10-08') });
    expect(alertsToRaise(sent.state, policy)).toEqual([]);
    expect(decideSubmission(sent.state, drc, { text: '再报一次' }, on('2024-10-09'))).toMatchObject({ ok: false, refusal: { code: 'alreadyDone' } });
  });

  test('refusals: another unit’s officer, a proposer, the committee', () => {
    const s = asked(on('2024-09-02'));
    expect(decideSubmission(s, stb, { text: 'x' }, on('2024-10-08'))).toMatchObject({ ok: false, refusal: { code: 'wrongUnit' } });
    expect(decideSubmission(s, wang, { text: 'x' }, on('2024-10-08'))).toMatchObject({ ok: false, refusal: { code: 'forbidden' } });
    expect(decideSubmission(s, committee, { text: 'x' }, on('2024-10-08'))).toMatchObject({ ok: false, refusal: { code: 'forbidden' } });
  });
});

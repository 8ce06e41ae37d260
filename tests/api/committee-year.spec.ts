/**
 * The committee's year over HTTP, with a real worker, Temporal dev server and PostgreSQL: key
 * proposals and who may read them, withdrawal and what it leaves out of the statistics, and an
 * extension asked for by the unit, replies published and read without signing in, and the
 * committee's report to the plenary with the session's figures, and the units' assessment.
 */
import ExcelJS from 'exceljs';
import { requestFor } from '../../apps/api/src/proposals/actions';
import { proposalWorkflowId } from '../../workflows/messages';
import { assessmentPolicy } from '../../seeds/policy';
import { referenceCase } from '../../seeds/reference-case';
import { referenceSteps } from '../../seeds/reference-steps';
import { docxText as textOfDocx } from '../support/documents';
import { http, useStack, waitFor } from '../support/api';

const c = referenceCase();
const ctx = useStack();

/** Filed, registered and assigned as 202 is, under another number. */
async function assigned(number: number): Promise<string> {
  const filed = await http(ctx.current, 'POST', '/proposals', { as: 'committee-clerk', body: { ...c.intake, number } });
  const id = filed.body.proposalId as string;
  expect((await http(ctx.current, 'POST', `/proposals/${id}/registration`, { as: 'committee-clerk', body: { review: { outcome: 'register' } } })).status).toBe(200);
  expect((await http(ctx.current, 'POST', `/proposals/${id}/assignment`, { as: 'committee-clerk', body: { assignment: c.assignment } })).status).toBe(200);
  return id;
}

const offered = async (id: string, as: string) => ((await http(ctx.current, 'GET', `/proposals/${id}`, { as })).body.allowedActions as { action: string }[]).map((a) => a.action);

test('a key proposal: its leaders named from the directory, read by the leader who supervises it and by no other, listed apart in the overview and the statistics', async () => {
  const id = await assigned(1301);
  const other = await assigned(1302);
  const unknown = await http(ctx.current, 'POST', `/proposals/${id}/key-proposal`, { as: 'committee-clerk', body: { leaders: ['vice-chair-zhang', 'nobody'], memberInCharge: '刘委员', reason: '主席会议遴选' } });
  expect([unknown.status, unknown.body.type, unknown.body.errors]).toEqual([422, 'urn:proposals:problem:unknown-leader', [{ path: 'leaders.1', message: 'no leader nobody in the directory' }]]);
  const marked = await http(ctx.current, 'POST', `/proposals/${id}/key-proposal`, { as: 'committee-clerk', body: { leaders: ['vice-chair-zhang'], memberInCharge: '刘委员', reason: '主席会议遴选' } });
  expect(marked.status).toBe(200);
  expect(marked.body.events.map((e: { type: string }) => e.type)).toEqual(['KeyProposalMarked']);

  // The leader reads it and may record a meeting; the other leader finds nothing; no leader reads a proposal that is not theirs.
  expect(await offered(id, 'vice-chair-zhang')).toEqual(['recordSupervisionMeeting']);
  expect((await http(ctx.current, 'GET', `/proposals/${id}`, { as: 'vice-chair-zhao' })).status).toBe(404);
  expect((await http(ctx.current, 'GET', `/proposals/${other}`, { as: 'vice-chair-zhang' })).status).toBe(404);
  const listed = await waitFor(() => http(ctx.current, 'GET', '/proposals', { as: 'vice-chair-zhang' }), (r) => r.body.total === 1);
  expect(listed.body.items.map((p: { id: string }) => p.id)).toEqual([id]);
  expect((await http(ctx.current, 'GET', '/proposals', { as: 'vice-chair-zhao' })).body.total).toBe(0);
  expect((await http(ctx.current, 'GET', '/tasks', { as: 'vice-chair-zhang' })).body.items).toEqual([]);
  expect((await http(ctx.current, 'GET', '/supervision/stats?session=smx-8-2', { as: 'vice-chair-zhang' })).status).toBe(403);

  // The DRC owes its handling plan; the meeting is the leader's to record.
  expect(await offered(id, 'drc-officer')).toContain('submitHandlingPlan');
  const tasks = await waitFor(() => http(ctx.current, 'GET', '/tasks', { as: 'drc-officer' }), (r) => r.body.items.some((t: { kind: string }) => t.kind === 'handlingPlan'));
  expect(tasks.body.items.filter((t: { kind: string }) => t.kind === 'handlingPlan')).toEqual([expect.objectContaining({ proposalId: id, role: 'lead', sessionName: '八届二次会议' })]);
  const meeting = await http(ctx.current, 'POST', `/proposals/${id}/supervision-meetings`, {
    as: 'vice-chair-zhang',
    body: { occurredAt: new Date(Date.now() - 60_000).toISOString(), form: 'siteVisit', participants: ['王凤杰'], conclusions: '加快推进' },
  });
  expect(meeting.status).toBe(200);
  expect((await http(ctx.current, 'POST', `/proposals/${other}/supervision-meetings`, { as: 'vice-chair-zhang', body: { occurredAt: new Date().toISOString(), form: 'meeting', participants: ['x'], conclusions: 'x' } })).status).toBe(403);

  const overview = await waitFor(() => http(ctx.current, 'GET', '/supervision/overview?session=smx-8-2', { as: 'committee-clerk' }), (r) => r.body.keyProposals?.length === 1);
  expect(overview.body.keyProposals).toEqual([expect.objectContaining({ id, number: 1301, leaders: ['vice-chair-zhang'] })]);
  const stats = await http(ctx.current, 'GET', '/supervision/stats?session=smx-8-2', { as: 'committee-clerk' });
  expect(stats.body.totals[0]).toMatchObject({ assigned: 2, keyProposals: 1 });
  expect(stats.body.rows.find((r: { unitId: string }) => r.unitId === 'smx-drc')).toMatchObject({ assigned: 2, keyProposals: 1 });
});

test('撤案: before assignment at once; after it with the committee’s consent, and then the proposal counts for no unit', async () => {
  const filed = await http(ctx.current, 'POST', '/proposals', { as: 'committee-clerk', body: { ...c.intake, number: 1401 } });
  const early = filed.body.proposalId as string;
  expect((await http(ctx.current, 'POST', `/proposals/${early}/withdrawal`, { as: 'sun-yurong', body: { reason: '不再需要' } })).status).toBe(403);
  const gone = await http(ctx.current, 'POST', `/proposals/${early}/withdrawal`, { as: 'wang-fengjie', body: { reason: '不再需要' } });
  expect([gone.status, gone.body.events.map((e: { type: string }) => e.type)]).toEqual([200, ['ProposalWithdrawn']]);
  expect((await http(ctx.current, 'GET', `/proposals/${early}`, { as: 'wang-fengjie' })).body.state.status).toBe('withdrawn');

  const id = await assigned(1402);
  const before = await waitFor(() => http(ctx.current, 'GET', '/supervision/stats?session=smx-8-2', { as: 'committee-clerk' }), (r) => r.body.totals[0]?.assigned >= 1);
  const assignedBefore = before.body.totals[0].assigned as number;
  const asked = await http(ctx.current, 'POST', `/proposals/${id}/withdrawal`, { as: 'wang-fengjie', body: { reason: '问题已解决' } });
  expect(asked.body.events.map((e: { type: string }) => e.type)).toEqual(['WithdrawalRequested']);
  expect(await offered(id, 'committee-clerk')).toContain('decideWithdrawal');
  const consented = await http(ctx.current, 'POST', `/proposals/${id}/withdrawal-decisions`, { as: 'committee-clerk', body: { decision: 'consent', reason: '情况属实' } });
  expect(consented.body.events.map((e: { type: string }) => e.type)).toEqual(['ProposalWithdrawn']);
  const after = await waitFor(() => http(ctx.current, 'GET', '/supervision/stats?session=smx-8-2', { as: 'committee-clerk' }), (r) => r.body.totals[0]?.assigned === assignedBefore - 1);
  expect(after.body.totals[0].assigned).toBe(assignedBefore - 1);
  expect((await http(ctx.current, 'GET', '/tasks', { as: 'drc-officer' })).body.items.filter((t: { proposalId: string }) => t.proposalId === id)).toEqual([]);
  // Finished: a further action is the finished proposal's 409.
  expect((await http(ctx.current, 'POST', `/proposals/${id}/withdrawal`, { as: 'wang-fengjie', body: { reason: 'again' } })).status).toBe(409);
});

test('延期: the unit asks before its reply is due and the committee grants it; the committee cannot extend on its own under the default policy', async () => {
  const id = await assigned(1501);
  expect((await http(ctx.current, 'POST', `/proposals/${id}/deadline-extensions`, { as: 'committee-clerk', body: { months: 1, reason: 'x' } })).status).toBe(403);
  const asked = await http(ctx.current, 'POST', `/proposals/${id}/extension-requests`, { as: 'drc-officer', body: { months: 2, reason: '跨年度项目' } });
  expect(asked.body.events.map((e: { type: string }) => e.type)).toEqual(['ExtensionRequested']);
  const dueBefore = (await http(ctx.current, 'GET', `/proposals/${id}`, { as: 'committee-clerk' })).body.duties.find((d: { kind: string }) => d.kind === 'reply').due.date as string;
  const granted = await http(ctx.current, 'POST', `/proposals/${id}/extension-decisions`, { as: 'committee-clerk', body: { decision: 'grant', reason: '同意' } });
  expect(granted.body.events).toEqual([expect.objectContaining({ type: 'ReplyDeadlineExtended', unitId: 'smx-drc', months: 2 })]);
  const dueAfter = (await http(ctx.current, 'GET', `/proposals/${id}`, { as: 'committee-clerk' })).body.duties.find((d: { kind: string }) => d.kind === 'reply').due.date as string;
  expect(dueAfter > dueBefore).toBe(true);
});

test('答复公开: each unit decides on its issued reply; anyone lists the published ones and reads one published in full, without signing in', async () => {
  const steps = referenceSteps(c, () => new Date(Date.now() - 1000).toISOString());
  const upToIssue = steps.slice(0, steps.findIndex((s) => s.command.type === 'decidePublication'));
  const issued = async (number: number) => {
    const filed = await http(ctx.current, 'POST', '/proposals', { as: 'committee-clerk', body: { ...c.intake, number } });
    const id = filed.body.proposalId as string;
    for (const step of upToIssue.slice(0)) {
      const { action, body, principalId } = requestFor(step.command);
      expect([step.label, (await http(ctx.current, 'POST', `/proposals/${id}/${action}`, { as: principalId, body })).status]).toEqual([step.label, 200]);
    }
    return id;
  };
  const full = await issued(1601);
  const summary = await issued(1602);
  const withheld = await issued(1603);
  expect(await offered(full, 'drc-officer')).toContain('decidePublication');
  const missingReason = await http(ctx.current, 'POST', `/proposals/${withheld}/publication`, { as: 'drc-officer', body: { publication: { decision: 'withheld' } } });
  expect([missingReason.status, missingReason.body.errors?.[0]?.path]).toEqual([400, 'publication.reason']);
  for (const [id, publication] of [
    [full, { decision: 'full' }],
    [summary, { decision: 'summary', summary: '将建强中原关键金属实验室等四项工作' }],
    [withheld, { decision: 'withheld', reason: '涉及企业商业秘密' }],
  ] as const) {
    expect((await http(ctx.current, 'POST', `/proposals/${id}/publication`, { as: 'drc-officer', body: { publication } })).status).toBe(200);
  }
  expect((await http(ctx.current, 'POST', `/proposals/${full}/publication`, { as: 'stb-officer', body: { publication: { decision: 'full' } } })).status).toBe(403);

  // No sign-in: the published two are listed, the withheld one is not, and nor is its reason.
  const listed = await waitFor(() => http(ctx.current, 'GET', '/public/replies?session=smx-8-2'), (r) => r.body.total === 2);
  expect(listed.body.items.map((i: { number: number; publication: string; summary?: string }) => [i.number, i.publication, i.summary])).toEqual([
    [1601, 'full', undefined],
    [1602, 'summary', '将建强中原关键金属实验室等四项工作'],
  ]);
  expect(listed.body.items[0]).toMatchObject({ unitName: '三门峡市发展和改革委员会', documentNumber: c.draft.documentNumber, proposers: ['王凤杰', '孙钰蓉', '李宝松'] });
  expect(JSON.stringify(listed.body)).not.toContain('商业秘密');
  expect((await http(ctx.current, 'GET', '/public/sessions')).body).toEqual([{ id: 'smx-8-2', name: '八届二次会议' }]);
  const pdf = await fetch(`${ctx.current.base}/public/replies/${full}/smx-drc/reply.pdf`);
  expect([pdf.status, pdf.headers.get('content-type')]).toEqual([200, 'application/pdf']);
  expect((await fetch(`${ctx.current.base}/public/replies/${summary}/smx-drc/reply.pdf`)).status).toBe(404);
  expect((await fetch(`${ctx.current.base}/public/replies/${withheld}/smx-drc/reply.pdf`)).status).toBe(404);
  expect((await fetch(`${ctx.current.base}/public/replies/not-a-proposal/smx-drc/reply.pdf`)).status).toBe(400);
  expect((await http(ctx.current, 'GET', '/public/replies')).status).toBe(400);
  // The statistics count what was published.
  const stats = await waitFor(() => http(ctx.current, 'GET', '/supervision/stats?session=smx-8-2', { as: 'committee-clerk' }), (r) => r.body.totals[0]?.published === 2);
  expect(stats.body.totals[0]).toMatchObject({ published: 2, publicationDecided: 3 });
});

test('提案工作情况报告 and 办理情况通报: the Word drafts state the session’s figures in the committee’s and the government’s words, each equal to /supervision/stats', async () => {
  // This file's proposals: 1301 and 1302 (one key), 1401 withdrawn before assignment and 1402 after it, 1501, and 1601–1603 issued.
  const stats = await waitFor(() => http(ctx.current, 'GET', '/supervision/stats?session=smx-8-2', { as: 'committee-clerk' }), (r) => r.body.sessions?.[0]?.received === 8);
  const [f] = stats.body.sessions;
  const [t] = stats.body.totals;
  expect(f).toMatchObject({ received: 8, registered: 6, withdrawn: 2, merged: 0, notRegistered: 0, byMembers: 8, collective: 0, units: 2, leadUnits: 1, keyProposals: 1 });
  expect(f.byCategory).toEqual([{ category: c.intake.category, count: 8 }]);
  expect(f.repliesByClass).toEqual([{ replyClass: 'B', count: 3 }]);

  const text = await docxText('/supervision/report.docx?session=smx-8-2');
  const pct = (n: number) => `${(n * 100).toFixed(1)}%`;
  for (const sentence of [
    `共收到提案${f.received}件，经审查立案${f.registered}件，并案${f.merged}件，不予立案${f.notRegistered}件，转为意见和建议${f.convertedToReport}件，提案者撤案${f.withdrawn}件。`,
    `委员提案${f.byMembers}件、占${pct(f.byMembers / f.received)}，集体提案${f.collective}件、占${pct(f.collective / f.received)}；${c.intake.category}方面8件、占100.0%。`,
    `立案提案交由${f.units}家单位承办，其中主办单位${f.leadUnits}家。`,
    `已答复${t.replied}件，办复率${pct(t.replyRate)}，满意率${t.satisfactionRate === null ? '—' : pct(t.satisfactionRate)}。`,
    `答复中B类3件、占100.0%。`,
    `遴选重点提案${f.keyProposals}件`,
  ]) expect(text).toContain(sentence);
  expect((await http(ctx.current, 'GET', '/supervision/report.docx?session=smx-9-9', { as: 'committee-clerk' })).status).toBe(404);
  expect((await http(ctx.current, 'GET', '/supervision/report.docx?session=smx-8-2', { as: 'drc-officer' })).status).toBe(403);

  // The government's 通报: the same figures, and each unit's, in its own words.
  const notice = await docxText('/supervision/handling-notice.docx?session=smx-8-2');
  const rate = (r: number | null) => (r === null ? '—' : pct(r));
  const drc = stats.body.rows.find((r: { unitId: string }) => r.unitId === 'smx-drc');
  for (const sentence of [
    `关于八届二次会议政协提案办理情况的通报（稿）`,
    `八届二次会议交由市政府系统办理的政协提案${t.assigned}件，由2家单位承办，其中主办单位1家。`,
    `已答复${t.replied}件，办复率${rate(t.replyRate)}；按时办结率${rate(t.onTimeRate)}；沟通率${rate(t.contactRate)}，见面率${rate(t.meetingRate)}；满意率${rate(t.satisfactionRate)}，首次答复满意率${rate(t.firstReplySatisfactionRate)}。`,
    `答复中B类3件、占100.0%。`,
    `已兑现${t.commitmentsDelivered}项，正在跟踪办理${t.commitmentsOpen}项，说明无法兑现${t.commitmentsUndeliverable}项，逾期未兑现${t.commitmentsOverdue}项。`,
    `重点提案1件，按期答复${t.keyRepliedOnTime}件。已答复提案作出公开决定3件，其中公开2件。`,
    drc.dutiesOnTime < drc.dutiesDue ? `三门峡市发展和改革委员会（逾期${drc.dutiesDue - drc.dutiesOnTime}项` : '各承办单位应办事项均按时办结。',
    `市人民政府办公室`,
  ]) expect(notice).toContain(sentence);
  expect((await http(ctx.current, 'GET', '/supervision/handling-notice.docx?session=smx-9-9', { as: 'committee-clerk' })).status).toBe(404);
});

/** A Word file the API answers, as its text run together. */
async function docxText(url: string): Promise<string> {
  const res = await fetch(`${ctx.current.base}${url}`, { headers: { authorization: `Bearer ${ctx.current.token('committee-clerk')}` } });
  expect([url, res.status]).toEqual([url, 200]);
  return textOfDocx(Buffer.from(await res.arrayBuffer()));
}

test('考核: every unit of the session ranked with each rate and its points; escalations to the assessment rung take points off; the selection is recorded once and refused where it names what it cannot; the workbook has the same figures', async () => {
  // 1701 on compressed time: the 科技局's opinion is due 8 s after assignment and its escalation reaches the assessment rung 9 s later.
  const filed = await http(ctx.current, 'POST', '/proposals?policy=city-default-2024-compressed', { as: 'committee-clerk', body: { ...c.intake, number: 1701 } });
  const late = filed.body.proposalId as string;
  expect((await http(ctx.current, 'POST', `/proposals/${late}/registration`, { as: 'committee-clerk', body: { review: { outcome: 'register' } } })).status).toBe(200);
  expect((await http(ctx.current, 'POST', `/proposals/${late}/assignment`, { as: 'committee-clerk', body: { assignment: c.assignment } })).status).toBe(200);
  type Unit = { unitId: string; unitName: string; rank: number | null; score: number | null; base: number | null; deduction: number; escalations: number; rates: Record<string, number | null>; points: Record<string, number | null> };
  const assessed = await waitFor(
    () => http(ctx.current, 'GET', '/supervision/assessment?session=smx-8-2', { as: 'committee-clerk' }),
    (r) => (r.body.units as Unit[] | undefined)?.find((u) => u.unitId === 'smx-stb')?.escalations === 1,
    40_000,
  );
  const units = assessed.body.units as Unit[];
  const drc = units.find((u) => u.unitId === 'smx-drc')!;
  const stb = units.find((u) => u.unitId === 'smx-stb')!;
  const stats = await http(ctx.current, 'GET', '/supervision/stats?session=smx-8-2', { as: 'committee-clerk' });
  const row = (unitId: string) => stats.body.rows.find((r: { unitId: string }) => r.unitId === unitId);
  // 1601–1603 issued by the DRC, 1601 and 1602 published: 公开率 2/3; nothing rated yet, so 满意率 leaves its weight to the others.
  expect(drc.rates).toEqual({ onTimeRate: row('smx-drc').onTimeRate, satisfactionRate: null, meetingRate: row('smx-drc').meetingRate, publicationRate: 2 / 3 });
  const { weights } = assessmentPolicy();
  const counted = weights.onTimeRate + weights.meetingRate + weights.publicationRate;
  const points = (w: number, r: number) => Math.round((100 * w * r) / counted * 100) / 100;
  expect(drc.points).toEqual({
    onTimeRate: points(weights.onTimeRate, drc.rates.onTimeRate!),
    satisfactionRate: null,
    meetingRate: points(weights.meetingRate, drc.rates.meetingRate!),
    publicationRate: points(weights.publicationRate, 2 / 3),
  });
  // The co-handler replies to no one: scored on 按时办结率 and 见面率 alone, less 1 point for its escalation.
  expect([stb.rates.publicationRate, stb.points.satisfactionRate, stb.deduction]).toEqual([null, null, 1]);
  expect(stb.score).toBe(Math.round((stb.base! - 1) * 100) / 100);
  expect(units.map((u) => u.score)).toEqual([...units.map((u) => u.score)].sort((a, b) => (b ?? -1) - (a ?? -1)));
  expect(units[0]!.rank).toBe(1);
  expect(assessed.body.selection).toBeNull();
  const candidates = assessed.body.candidates as { excellentProposals: { number: number }[]; advancedUnits: { unitId: string }[] };
  expect(candidates.excellentProposals.map((p) => p.number)).toEqual([1301, 1302, 1501, 1601, 1602, 1603, 1701]);
  expect(candidates.advancedUnits.map((u) => u.unitId)).toEqual(['smx-drc', 'smx-stb']);

  // The selection: only registered proposals of the session, only units that handled some of it; each named once.
  const put = (body: unknown, as = 'committee-clerk') => http(ctx.current, 'PUT', '/supervision/assessment/selection?session=smx-8-2', { as, body });
  const withdrawn = proposalWorkflowId('smx-8-2', 1402);
  const wrong = await put({
    excellentProposals: [{ proposalId: withdrawn, reason: '见解深刻' }, { proposalId: proposalWorkflowId('smx-9-9', 1), reason: '见解深刻' }],
    advancedUnits: [{ unitId: 'smx-edu', reason: '办理认真' }],
  });
  expect([wrong.status, wrong.body.type, wrong.body.errors]).toEqual([
    422,
    'urn:proposals:problem:invalid-selection',
    [
      { path: 'excellentProposals.0.proposalId', message: 'was not registered (it is withdrawn)' },
      { path: 'excellentProposals.1.proposalId', message: 'is not a proposal of session smx-8-2' },
      { path: 'advancedUnits.0.unitId', message: 'handled no proposal of session smx-8-2' },
    ],
  ]);
  const twice = await put({ excellentProposals: [], advancedUnits: [{ unitId: 'smx-drc', reason: 'a' }, { unitId: 'smx-drc', reason: 'b' }] });
  expect([twice.status, twice.body.errors]).toEqual([400, [{ path: 'advancedUnits.1', message: 'names the same unit twice' }]]);
  expect((await put({ excellentProposals: [], advancedUnits: [] }, 'drc-officer')).status).toBe(403);

  const selection = { excellentProposals: [{ proposalId: proposalWorkflowId('smx-8-2', 1601), reason: '建议具体可行，已转化为政策' }], advancedUnits: [{ unitId: 'smx-drc', reason: '答复及时、公开充分' }] };
  const retries = await Promise.all([put(selection), put(selection), put(selection)]);
  expect(retries.map((r) => [r.status, r.body.version])).toEqual([[200, 1], [200, 1], [200, 1]]);
  expect(retries[0]!.body).toMatchObject({
    excellentProposals: [{ number: 1601, title: c.intake.title, reason: '建议具体可行，已转化为政策' }],
    advancedUnits: [{ unitId: 'smx-drc', unitName: '三门峡市发展和改革委员会' }],
    recordedBy: 'committee-clerk',
  });
  const changed = await put({ ...selection, advancedUnits: [] });
  expect([changed.body.version, changed.body.advancedUnits]).toEqual([2, []]);
  expect((await put(selection)).body.version).toBe(3);

  // The workbook: the same ranking and components, the selection on its own sheet.
  const res = await fetch(`${ctx.current.base}/supervision/assessment.xlsx?session=smx-8-2`, { headers: { authorization: `Bearer ${ctx.current.token('committee-clerk')}` } });
  expect([res.status, res.headers.get('content-disposition')]).toEqual([200, expect.stringContaining(encodeURIComponent('八届二次会议提案办理考核.xlsx'))]);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await res.arrayBuffer()) as ArrayBuffer);
  const now = (await http(ctx.current, 'GET', '/supervision/assessment?session=smx-8-2', { as: 'committee-clerk' })).body.units as Unit[];
  const ranking = book.getWorksheet('考核排名')!;
  const cells = (r: number) => (ranking.getRow(r).values as unknown[]).slice(1);
  expect(cells(1).slice(0, 7)).toEqual(['单位', '排名', '单位编号', '得分', '基础分', '按时办结率', '按时办结率得分']);
  now.forEach((u, i) => expect(cells(i + 2).slice(0, 5)).toEqual([u.unitName, u.rank, u.unitId, u.score, u.base]));
  expect(cells(now.findIndex((u) => u.unitId === 'smx-stb') + 2).slice(-3)).toEqual([now.find((u) => u.unitId === 'smx-stb')!.escalations, 0, now.find((u) => u.unitId === 'smx-stb')!.deduction]);
  const chosen = book.getWorksheet('评选结果')!;
  expect((chosen.getRow(2).values as unknown[]).slice(1)).toEqual(['优秀提案', 1601, c.intake.title, '建议具体可行，已转化为政策']);
  expect((chosen.getRow(3).values as unknown[]).slice(1)).toEqual(['先进承办单位', 'smx-drc', '三门峡市发展和改革委员会', '答复及时、公开充分']);
  expect((await http(ctx.current, 'GET', '/supervision/assessment?session=smx-9-9', { as: 'committee-clerk' })).status).toBe(404);
});

test('督查室: the supervision office reads what the government’s departments handle, sees their alerts from the 通报 rung up, and reviews no reply under the default policy', async () => {
  // 1801 is handled by the committee's own office, not a government department.
  const filed = await http(ctx.current, 'POST', '/proposals', { as: 'committee-clerk', body: { ...c.intake, number: 1801 } });
  const own = filed.body.proposalId as string;
  expect((await http(ctx.current, 'POST', `/proposals/${own}/registration`, { as: 'committee-clerk', body: { review: { outcome: 'register' } } })).status).toBe(200);
  expect((await http(ctx.current, 'POST', `/proposals/${own}/assignment`, { as: 'committee-clerk', body: { assignment: { mode: 'joint', lead: 'smx-cppcc-committee', coHandlers: [] } } })).status).toBe(200);
  const listed = await waitFor(() => http(ctx.current, 'GET', '/proposals?pageSize=100', { as: 'committee-clerk' }), (r) => r.body.items?.some((p: { number: number; unitIds: string[] }) => p.number === 1801 && p.unitIds.length > 0));
  const governments = listed.body.items.filter((p: { unitIds: string[] }) => p.unitIds.some((u) => u === 'smx-drc' || u === 'smx-stb')).map((p: { number: number }) => p.number);

  const office = await http(ctx.current, 'GET', '/proposals?pageSize=100', { as: 'supervision-office' });
  expect(office.body.items.map((p: { number: number }) => p.number)).toEqual(governments);
  expect(governments).not.toContain(1801);
  expect((await http(ctx.current, 'GET', `/proposals/${own}`, { as: 'supervision-office' })).status).toBe(404);
  expect((await http(ctx.current, 'GET', `/proposals/${proposalWorkflowId('smx-8-2', 1701)}`, { as: 'supervision-office' })).status).toBe(200);

  // Of the alerts, the escalations that reached the committee (通报) or the assessment list, of government departments only.
  const alerts = (await http(ctx.current, 'GET', '/alerts?limit=500', { as: 'supervision-office' })).body.items as { kind: string; audience: string; unitId: string | null }[];
  expect(alerts.length).toBeGreaterThan(0);
  expect(alerts.every((a) => a.kind === 'escalation' && ['committee', 'assessment'].includes(a.audience) && ['smx-drc', 'smx-stb'].includes(a.unitId!))).toBe(true);
  const tasks = (await http(ctx.current, 'GET', '/tasks', { as: 'supervision-office' })).body.items as { unitId: string | null }[];
  expect(tasks.length).toBeGreaterThan(0);
  expect(tasks.every((x) => ['smx-drc', 'smx-stb'].includes(x.unitId!))).toBe(true);

  // Replies are the committee's to review under the default policy; outside its reach the proposal is not found.
  const review = { review: { decision: 'accept' } };
  expect((await http(ctx.current, 'POST', `/proposals/${proposalWorkflowId('smx-8-2', 1501)}/reply-review`, { as: 'supervision-office', body: review })).body.type).toBe('urn:proposals:problem:forbidden');
  expect((await http(ctx.current, 'POST', `/proposals/${own}/reply-review`, { as: 'supervision-office', body: review })).status).toBe(404);
  expect((await http(ctx.current, 'GET', '/supervision/stats', { as: 'supervision-office' })).status).toBe(403);
});

test('联名: a member files a joint proposal as its lead signer, with proposers of the directory named as it names them; each co-signer confirms or declines, and one silent at the review is left out', async () => {
  const intake = { ...c.intake, number: 1901, proposers: c.intake.proposers.map((p, i) => (i === 0 ? { ...p, name: '王凤杰‹img src=x›' } : p)) };
  const stranger = await http(ctx.current, 'POST', '/proposals', { as: 'wang-fengjie', body: { ...intake, proposers: [...intake.proposers, { id: 'nobody', name: '某人', kind: 'member', leadSigner: false }] } });
  expect([stranger.status, stranger.body.type, stranger.body.errors]).toEqual([422, 'urn:proposals:problem:unknown-proposer', [{ path: 'proposers.3.id', message: 'no proposer nobody in the directory' }]]);
  const notLead = await http(ctx.current, 'POST', '/proposals', { as: 'sun-yurong', body: intake });
  expect([notLead.status, notLead.body.detail]).toEqual([403, 'a member files a joint proposal as its lead signer (领衔人); the co-signers confirm it themselves']);
  const filed = await http(ctx.current, 'POST', '/proposals', { as: 'wang-fengjie', body: intake });
  expect(filed.status).toBe(201);
  const id = filed.body.proposalId as string;
  const view = (await http(ctx.current, 'GET', `/proposals/${id}`, { as: 'sun-yurong' })).body;
  expect(view.state.intake.proposers.map((p: { name: string }) => p.name)).toEqual(['王凤杰', '孙钰蓉', '李宝松']);
  expect(view.state.cosigners).toEqual({ 'sun-yurong': 'pending', 'li-baosong': 'pending' });
  expect(view.allowedActions.map((a: { action: string }) => a.action)).toEqual(['answerCosigning']);

  expect((await http(ctx.current, 'POST', `/proposals/${id}/cosigning`, { as: 'sun-yurong', body: { decision: 'confirm' } })).status).toBe(200);
  const twice = await http(ctx.current, 'POST', `/proposals/${id}/cosigning`, { as: 'wang-fengjie', body: { decision: 'confirm' } });
  expect([twice.status, twice.body.type]).toEqual([403, 'urn:proposals:problem:forbidden']);
  const bad = await http(ctx.current, 'POST', `/proposals/${id}/cosigning`, { as: 'li-baosong', body: { decision: 'maybe' } });
  expect([bad.status, bad.body.errors?.[0]?.path]).toEqual([400, 'decision']);
  const registered = await http(ctx.current, 'POST', `/proposals/${id}/registration`, { as: 'committee-clerk', body: { review: { outcome: 'register' } } });
  expect(registered.body.events.map((e: { type: string }) => e.type)).toEqual(['CosignersLapsed', 'ProposalRegistered']);
  const late = await http(ctx.current, 'POST', `/proposals/${id}/cosigning`, { as: 'li-baosong', body: { decision: 'confirm' } });
  expect([late.status, late.body.type]).toEqual([409, 'urn:proposals:problem:windowClosed']);
  const after = (await http(ctx.current, 'GET', `/proposals/${id}`, { as: 'wang-fengjie' })).body.state;
  expect([after.intake.proposers.map((p: { id: string }) => p.id), after.cosigners]).toEqual([['wang-fengjie', 'sun-yurong'], { 'sun-yurong': 'confirmed', 'li-baosong': 'lapsed' }]);
  // Left out, 李宝松 no longer reads it.
  expect((await http(ctx.current, 'GET', `/proposals/${id}`, { as: 'li-baosong' })).status).toBe(404);
});

test('换届: a new term’s session carries the old term’s open follow-up, listed in its overview until each commitment is settled', async () => {
  const id = await assigned(2001);
  const steps = referenceSteps(c, () => new Date(Date.now() - 60_000).toISOString());
  // 202's life up to the ratings: its four commitments are being followed up.
  for (const step of steps.slice(2).filter((s) => s.command.type !== 'reportFollowUp')) {
    const { action, body } = requestFor(step.command);
    const res = await http(ctx.current, 'POST', `/proposals/${id}/${action}`, { as: step.command.actor.id, body });
    expect([step.label, res.status]).toEqual([step.label, 200]);
  }
  const ninth = { id: 'smx-9-1', name: '九届一次会议', committee: '三门峡市政协第九届委员会' };
  expect((await http(ctx.current, 'POST', '/proposals', { as: 'committee-clerk', body: { ...c.intake, session: ninth, number: 1 } })).status).toBe(201);
  const overview = await waitFor(
    () => http(ctx.current, 'GET', '/supervision/overview?session=smx-9-1', { as: 'committee-clerk' }),
    (r) => r.body.carriedOver?.some((p: { number: number }) => p.number === 2001),
  );
  expect(overview.body.carriedOver.find((p: { number: number }) => p.number === 2001)).toEqual({ id, sessionId: 'smx-8-2', sessionName: '八届二次会议', number: 2001, title: c.intake.title, unitIds: ['smx-drc', 'smx-stb'], openCommitments: 4, overdueDuties: 0 });
  // The old session's own overview lists nothing carried over from itself.
  expect((await http(ctx.current, 'GET', '/supervision/overview?session=smx-8-2', { as: 'committee-clerk' })).body.carriedOver.map((p: { number: number }) => p.number)).not.toContain(2001);
  // Once every commitment is reported done, it is no longer carried.
  for (const step of steps.filter((s) => s.command.type === 'reportFollowUp')) {
    const { action, body } = requestFor(step.command);
    expect((await http(ctx.current, 'POST', `/proposals/${id}/${action}`, { as: step.command.actor.id, body })).status).toBe(200);
  }
  await waitFor(() => http(ctx.current, 'GET', '/supervision/overview?session=smx-9-1', { as: 'committee-clerk' }), (r) => !r.body.carriedOver.some((p: { number: number }) => p.number === 2001));
});

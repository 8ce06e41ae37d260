/**
 * Proposal 202 through the HTTP API, as the committee, the DRC and Science Bureau officers and
 * the three members would act, with a real worker, Temporal dev server and PostgreSQL.
 */
import { requestFor } from '../../apps/api/src/proposals/actions';
import { referenceCase } from '../../seeds/reference-case';
import { referenceSteps } from '../../seeds/reference-steps';
import { http, useStack, waitFor } from '../support/api';
import { pdfText } from '../support/documents';

const c202 = referenceCase();
const ctx = useStack();
const offered = async (id: string, as: string) => ((await http(ctx.current, 'GET', `/proposals/${id}`, { as })).body.allowedActions as { action: string }[]).map((a) => a.action);

test('proposal 202 from intake to closed over HTTP, with tasks, history, lists and statistics along the way', async () => {
  const filed = await http(ctx.current, 'POST', '/proposals', { as: 'committee-clerk', body: c202.intake });
  expect(filed.status).toBe(201);
  const id = filed.body.proposalId;
  expect(id).toBe('proposal-smx-8-2-202');

  const steps = referenceSteps(c202, () => new Date(Date.now() - 1000).toISOString());
  for (const step of steps) {
    const { action, body, principalId } = requestFor(step.command);
    const res = await http(ctx.current, 'POST', `/proposals/${id}/${action}`, { as: principalId, body });
    expect([step.label, res.status]).toEqual([step.label, 200]);
    expect(res.headers.get('x-request-id')).toBeTruthy();

    if (step.command.type === 'assign') {
      // The DRC officer now has tasks with due dates; the Science Bureau its opinion to send.
      const tasks = await waitFor(() => http(ctx.current, 'GET', '/tasks', { as: 'drc-officer' }), (r) => r.body.items?.length > 0);
      expect(tasks.body.items.map((t: { kind: string }) => t.kind)).toEqual(expect.arrayContaining(['contactBeforeHandling', 'reply']));
      expect(tasks.body.items.every((t: { urgency: string }) => ['onTime', 'dueSoon', 'overdue'].includes(t.urgency))).toBe(true);
      const stb = await http(ctx.current, 'GET', '/tasks', { as: 'stb-officer' });
      expect(stb.body.items.map((t: { kind: string }) => t.kind)).toEqual(['coHandlerOpinion']);
      // What each may do now, as the rules answer it: the DRC drafts only once the opinion and a contact are in.
      expect(await offered(id, 'drc-officer')).toEqual(['requestReassignment', 'recordContact', 'requestExtension']);
      expect(await offered(id, 'stb-officer')).toEqual(['requestReassignment', 'submitOpinion', 'recordContact']);
      expect(await offered(id, 'committee-clerk')).toEqual(['markKey']);
      expect(await offered(id, 'wang-fengjie')).toEqual(['withdraw']);
    }
    if (step.command.type === 'submitOpinion') {
      expect(await offered(id, 'drc-officer')).toEqual(['requestReassignment', 'recordContact', 'draftReply', 'requestExtension']);
    }
    if (step.command.type === 'issueReply') {
      const mine = await waitFor(() => http(ctx.current, 'GET', '/tasks', { as: 'wang-fengjie', headers: {} }), (r) => r.body.items?.length > 0);
      expect(mine.body.items).toEqual([expect.objectContaining({ kind: 'evaluation', proposerId: 'wang-fengjie' })]);
      const rate = (await http(ctx.current, 'GET', `/proposals/${id}`, { as: 'wang-fengjie' })).body.allowedActions;
      expect(rate).toEqual([{ action: 'evaluate', unitId: 'smx-drc', until: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) }]);
    }
  }

  const view = await http(ctx.current, 'GET', `/proposals/${id}`, { as: 'wang-fengjie' });
  expect(view.status).toBe(200);
  expect(view.body.allowedActions).toEqual([]);
  expect(await offered(id, 'committee-clerk')).toEqual([]);
  expect(view.body.state.status).toBe('closed');
  expect(view.body.state.tracks['smx-drc'].issued.replyClass).toBe('B');

  // The reply as documents: a member opens the PDF, the co-handler saves the Word file, another unit finds nothing.
  const get = (path: string, as: string) => fetch(`${ctx.current.base}${path}`, { headers: { authorization: `Bearer ${ctx.current.token(as)}` } });
  const pdf = await get(`/proposals/${id}/reply.pdf`, 'wang-fengjie');
  expect([pdf.status, pdf.headers.get('content-type')]).toEqual([200, 'application/pdf']);
  expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
  const docx = await get(`/proposals/${id}/reply.docx`, 'stb-officer');
  expect(docx.status).toBe(200);
  expect(docx.headers.get('content-disposition')).toContain(encodeURIComponent('对市政协八届二次会议第202号提案的答复.docx'));
  expect(Buffer.from(await docx.arrayBuffer()).subarray(0, 2).toString()).toBe('PK');
  expect((await get(`/proposals/${id}/reply.pdf`, 'edu-officer')).status).toBe(404);

  // 办理结果告知: each commitment reported delivered is told to the proposers as the DRC's letter, with the DRC's report.
  const delivered = c202.followUpReports.filter((r) => r.done);
  expect(view.body.state.tracks['smx-drc'].commitments.map((x: { result?: string }) => x.result)).toEqual(delivered.map((r) => r.progress));
  const told = await get(`/proposals/${id}/result-notice.pdf?commitment=${delivered[0]!.commitmentNo}`, 'sun-yurong');
  expect([told.status, told.headers.get('content-disposition')]).toEqual([200, expect.stringContaining(encodeURIComponent(`第202号提案第${delivered[0]!.commitmentNo}项承诺办理结果告知.pdf`))]);
  const letter = pdfText(Buffer.from(await told.arrayBuffer())).replace(/\s+/g, '');
  for (const words of ['关于第202号提案承诺事项办理结果的告知', c202.draft.salutation, `答复（${c202.draft.documentNumber}）中承诺`, `该事项已办理完成。办理结果：${delivered[0]!.progress}`]) expect(letter).toContain(words.replace(/\s+/g, ''));
  expect((await get(`/proposals/${id}/result-notice.docx?commitment=2&unit=smx-drc`, 'wang-fengjie')).status).toBe(200);
  expect((await get(`/proposals/${id}/result-notice.pdf?commitment=9`, 'wang-fengjie')).status).toBe(404);
  expect((await get(`/proposals/${id}/result-notice.pdf?commitment=1`, 'another-member')).status).toBe(404);
  expect((await get(`/proposals/${id}/result-notice.pdf?commitment=first`, 'wang-fengjie')).status).toBe(400);

  const history = await http(ctx.current, 'GET', `/proposals/${id}/history`, { as: 'committee-clerk' });
  expect(history.status).toBe(200);
  expect(history.body.timeline).toHaveLength(21);
  expect(history.body.timeline.at(-1)).toMatchObject({ stage: 'closed', what: '办结', whatEn: 'proposal closed' });
  expect(history.body.events.map((e: { type: string }) => e.type)).toContain('DraftCountersigned');
  expect(history.body.temporal.runs).toHaveLength(1);
  const rawTypes = history.body.temporal.runs[0].events.map((e: { eventType: string }) => e.eventType);
  expect(rawTypes[0]).toBe('EVENT_TYPE_WORKFLOW_EXECUTION_STARTED');
  expect(rawTypes).toContain('EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED');

  const listed = await waitFor(() => http(ctx.current, 'GET', '/proposals?session=smx-8-2&stage=closed', { as: 'committee-clerk' }), (r) => r.body.total === 1);
  expect(listed.body.items[0]).toMatchObject({ id, number: 202, replyClass: 'B', leadUnitId: 'smx-drc', unitIds: ['smx-drc', 'smx-stb'], overdueDuties: 0 });
  expect((await http(ctx.current, 'GET', '/proposals?q=新材料', { as: 'stb-officer' })).body.total).toBe(1);
  expect((await http(ctx.current, 'GET', '/proposals?q=新材料', { as: 'edu-officer' })).body.total).toBe(0);
  // Words are found in the proposal's text too, segmented as the index holds them; punctuation alone finds nothing.
  const found = await http(ctx.current, 'GET', `/proposals?q=${encodeURIComponent('关键金属实验室')}`, { as: 'committee-clerk' });
  expect(found.body.items.map((p: { number: number }) => p.number)).toContain(202);
  expect((await http(ctx.current, 'GET', `/proposals?q=${encodeURIComponent('新材料 提案')}`, { as: 'committee-clerk' })).body.total).toBeGreaterThanOrEqual(1);
  const nothing = await http(ctx.current, 'GET', `/proposals?q=${encodeURIComponent('，。！')}`, { as: 'committee-clerk' });
  expect([nothing.status, nothing.body.total]).toEqual([200, 0]);
  expect((await http(ctx.current, 'GET', '/proposals?class=A', { as: 'committee-clerk' })).body.total).toBe(0);
  expect((await http(ctx.current, 'GET', '/proposals?unit=smx-stb', { as: 'committee-clerk' })).body.total).toBe(1);

  const stats = await http(ctx.current, 'GET', '/supervision/stats?session=smx-8-2', { as: 'committee-clerk' });
  expect(stats.status).toBe(200);
  const drc = stats.body.rows.find((r: { unitId: string }) => r.unitId === 'smx-drc');
  // The DRC's duties: the first contact, the reply, its publication decision and the first report on each of four commitments.
  expect(drc).toMatchObject({ assigned: 1, replied: 1, repliedOnTime: 1, replyRate: 1, onTimeRate: 1, rated: 1, dutiesDue: 7, dutiesOnTime: 7, satisfactionRate: 1, contactRate: 1, meetingRate: 1, commitmentsDelivered: 4, commitmentsOpen: 0 });
  const stb = stats.body.rows.find((r: { unitId: string }) => r.unitId === 'smx-stb');
  // The co-handler has a rate of its own: its opinion and its countersign, both on time.
  expect(stb).toMatchObject({ assigned: 1, replied: 0, replyRate: null, contactRate: 0, dutiesDue: 2, dutiesOnTime: 2, onTimeRate: 1 });

  // Closed: a further action is a 409, not a 500.
  const late = await http(ctx.current, 'POST', `/proposals/${id}/contacts`, { as: 'drc-officer', body: { contact: { ...c202.contacts[0]!.contact, occurredAt: new Date(Date.now() - 1000).toISOString() } } });
  expect(late.status).toBe(409);
  expect(late.body.type).toBe('urn:proposals:problem:proposal-finished');
});

test('a second intake of the same proposal is a 409', async () => {
  const intake = { ...c202.intake, number: 1202 };
  expect((await http(ctx.current, 'POST', '/proposals', { as: 'committee-clerk', body: intake })).status).toBe(201);
  const again = await http(ctx.current, 'POST', '/proposals', { as: 'committee-clerk', body: intake });
  expect(again.status).toBe(409);
  expect(again.body.type).toBe('urn:proposals:problem:proposal-exists');
});

test('a proposal whose run renewed itself (continue-as-new) still shows its whole story: timeline, events, every run, the read model', async () => {
  const intake = { ...c202.intake, number: 4202 };
  // On compressed time the alerts fill the history: each renewal starts from a snapshot, not by folding them all again.
  const filed = await http(ctx.current, 'POST', '/proposals?policy=city-default-2024-compressed', { as: 'committee-clerk', body: intake });
  const id = filed.body.proposalId;
  const steps = referenceSteps({ ...c202, intake }, () => new Date(Date.now() - 1000).toISOString());
  for (const step of steps.filter((s) => s.command.type !== 'reportFollowUp')) {
    const { action, body, principalId } = requestFor(step.command);
    expect((await http(ctx.current, 'POST', `/proposals/${id}/${action}`, { as: principalId, body })).status).toBe(200);
  }
  // Progress reports until the run has renewed itself at least once.
  let runs = 1;
  for (let i = 0; runs < 2 && i < 200; i++) {
    const res = await http(ctx.current, 'POST', `/proposals/${id}/follow-up-reports`, { as: 'drc-officer', body: { commitmentNo: (i % 4) + 1, progress: `进展 ${i}`, done: false } });
    expect(res.status).toBe(200);
    if (i % 10 === 9) runs = (await http(ctx.current, 'GET', `/proposals/${id}/history`, { as: 'committee-clerk' })).body.temporal.runs.length;
  }
  expect(runs).toBeGreaterThanOrEqual(2);
  const history = await http(ctx.current, 'GET', `/proposals/${id}/history`, { as: 'committee-clerk' });
  const seqs = history.body.events.map((e: { seq: number }) => e.seq);
  expect(seqs).toEqual(seqs.map((_: number, i: number) => i + 1));
  expect(history.body.timeline[0]).toMatchObject({ what: expect.stringContaining('受理'), whatEn: expect.stringContaining('filed') });
  expect(history.body.temporal.runs[0].events[0].eventType).toBe('EVENT_TYPE_WORKFLOW_EXECUTION_STARTED');
  expect(history.body.temporal.runs.at(-2).events.at(-1).eventType).toBe('EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW');
  // The read model kept every event, once, across the runs (the clock goes on adding alerts meanwhile).
  const latest = seqs.at(-1);
  const projected = await waitFor(async () => (await ctx.current.db.pool.query('select count(*)::int as n, max(seq) as last from proposal_events where proposal_id = $1', [id])).rows[0], (r) => r.n >= latest);
  expect(projected.n).toBe(projected.last);
  // Once projected, a reader's history comes from the read model's events, the same as the proposal's own.
  const readable = await http(ctx.current, 'GET', `/proposals/${id}/history?raw=false&version=${latest}`, { as: 'drc-officer' });
  expect(readable.body.answeredFrom).toBe('readModel');
  expect(readable.body.events.slice(0, latest)).toEqual(history.body.events);
  expect(readable.body.timeline.slice(0, latest)).toEqual(history.body.timeline);
  // A version the read model has not reached is asked of the proposal: the reader never misses their own action.
  const ahead = await http(ctx.current, 'GET', `/proposals/${id}/history?raw=false&version=${latest + 10_000}`, { as: 'drc-officer' });
  expect(ahead.body.answeredFrom).toBe('proposal');
  expect(ahead.body.events.slice(0, latest)).toEqual(history.body.events);
  // Hidden from those who may not read it either way.
  expect((await http(ctx.current, 'GET', `/proposals/${id}/history?raw=false`, { as: 'edu-officer' })).status).toBe(404);
});

test('不立案异议: the lead signer objects in the window and the committee registers the proposal after all; with no objection the window ends it', async () => {
  const filed = await http(ctx.current, 'POST', '/proposals', { as: 'committee-clerk', body: { ...c202.intake, number: 2301 } });
  const id = filed.body.proposalId as string;
  const notRegister = { review: { outcome: 'notRegister', reason: '不属于政协提案范围' } };
  const reviewed = await http(ctx.current, 'POST', `/proposals/${id}/registration`, { as: 'committee-clerk', body: notRegister });
  expect(reviewed.body.events).toEqual([expect.objectContaining({ type: 'ProposalNotRegistered', objectionUntil: expect.objectContaining({ date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) }) })]);
  const until = reviewed.body.events[0].objectionUntil.date as string;
  expect((await http(ctx.current, 'GET', `/proposals/${id}`, { as: 'wang-fengjie' })).body.allowedActions).toEqual([{ action: 'objectToReview', until }]);
  expect((await http(ctx.current, 'POST', `/proposals/${id}/review-objections`, { as: 'sun-yurong', body: { reason: '有异议' } })).status).toBe(403);
  expect((await http(ctx.current, 'POST', `/proposals/${id}/review-objections`, { as: 'wang-fengjie', body: {} })).body.errors).toEqual([{ path: 'reason', message: expect.any(String) }]);
  const objected = await http(ctx.current, 'POST', `/proposals/${id}/review-objections`, { as: 'wang-fengjie', body: { reason: '建议有具体内容，属于提案范围' } });
  expect(objected.body.events.map((e: { type: string }) => e.type)).toEqual(['ReviewObjected']);
  expect(await offered(id, 'committee-clerk')).toEqual(['decideObjection']);
  const registered = await http(ctx.current, 'POST', `/proposals/${id}/review-objection-decisions`, { as: 'committee-clerk', body: { decision: 'register', reason: '复核后予以立案' } });
  expect(registered.body.events.map((e: { type: string }) => e.type)).toEqual(['ObjectionDecided']);
  const assigned = await http(ctx.current, 'POST', `/proposals/${id}/assignment`, { as: 'committee-clerk', body: { assignment: c202.assignment } });
  expect(assigned.status).toBe(200);
  // Read at once with the version the action answered: the assignment is there, wherever the history comes from.
  const history = await http(ctx.current, 'GET', `/proposals/${id}/history?raw=false&version=${assigned.body.version}`, { as: 'committee-clerk' });
  expect(history.body.events.at(-1)).toMatchObject({ seq: assigned.body.version, type: 'ProposalAssigned' });
  const timeline = history.body.timeline.map((r: { what: string }) => r.what);
  expect(timeline).toEqual(expect.arrayContaining([`不予立案，理由：不属于政协提案范围（提案人可于 ${until} 前提出异议）`, '王凤杰 对不予立案提出异议：建议有具体内容，属于提案范围', '提案委员会复核后予以立案：复核后予以立案']));

  // On compressed time the window is 20 s: with no objection the proposal ends, and a late one is the finished proposal's 409.
  const quiet = await http(ctx.current, 'POST', '/proposals?policy=city-default-2024-compressed', { as: 'committee-clerk', body: { ...c202.intake, number: 2302 } });
  const quietId = quiet.body.proposalId as string;
  expect((await http(ctx.current, 'POST', `/proposals/${quietId}/registration`, { as: 'committee-clerk', body: notRegister })).status).toBe(200);
  await ctx.current.env.client.workflow.getHandle(quietId).result();
  const late = await http(ctx.current, 'POST', `/proposals/${quietId}/review-objections`, { as: 'wang-fengjie', body: { reason: '迟到的异议' } });
  expect([late.status, late.body.type]).toEqual([409, 'urn:proposals:problem:proposal-finished']);
  expect((await http(ctx.current, 'GET', `/proposals/${quietId}`, { as: 'wang-fengjie' })).body.state.objection.stage).toBe('lapsed');
}, 60_000);

test('我的待办 is paged by proposal, the soonest due first, each with all its duties; filtered by duty and urgency, counted by urgency', async () => {
  const assigned: string[] = [];
  for (const number of [5301, 5302, 5303]) {
    const filed = await http(ctx.current, 'POST', '/proposals', { as: 'committee-clerk', body: { ...c202.intake, number } });
    const id = filed.body.proposalId as string;
    expect((await http(ctx.current, 'POST', `/proposals/${id}/registration`, { as: 'committee-clerk', body: { review: { outcome: 'register' } } })).status).toBe(200);
    const assignment = await http(ctx.current, 'POST', `/proposals/${id}/assignment`, { as: 'committee-clerk', body: { assignment: c202.assignment } });
    expect(assignment.status).toBe(200);
    assigned.push(`${id}@${assignment.body.version}`);
  }
  // The replies owed: duties no clock of this file's compressed proposals moves while the pages are
  // read. The officer is told of the assignments the committee just made (read-your-writes by version).
  const tasks = async (query: string) => (await http(ctx.current, 'GET', `/tasks?kind=reply&${query}`, { as: 'drc-officer', headers: { 'seen-versions': assigned.join(',') } })).body;
  const all = await tasks('pageSize=500');
  expect(all.totalProposals).toBeGreaterThanOrEqual(3);
  expect(all.totalTasks).toBe(all.items.length);
  type Task = { proposalId: string; kind: string; dueAt: string; urgency: string };
  const groups = (items: Task[]) => items.map((t) => t.proposalId).filter((id, i, ids) => ids[i - 1] !== id);
  // Grouped: a proposal's duties come together, and the groups by their soonest due.
  expect(new Set(groups(all.items)).size).toBe(groups(all.items).length);
  const firstDue = groups(all.items).map((id) => all.items.find((t: Task) => t.proposalId === id).dueAt);
  expect(firstDue).toEqual([...firstDue].sort());
  // Pages of two proposals cover the same duties in the same order.
  const pages: Task[] = [];
  for (let page = 1; page <= Math.ceil(all.totalProposals / 2); page++) {
    const p = await tasks(`pageSize=2&page=${page}`);
    expect([p.page, p.pageSize, p.totalProposals, new Set(p.items.map((t: Task) => t.proposalId)).size]).toEqual([page, 2, all.totalProposals, Math.min(2, all.totalProposals - 2 * (page - 1))]);
    pages.push(...p.items);
  }
  expect(pages).toEqual(all.items);
  // Counted by urgency whatever the urgency filter; the filters keep only what they name.
  const counts = all.counts;
  expect(counts.overdue + counts.dueSoon + counts.onTime).toBe(all.totalTasks);
  const onTime = await tasks('pageSize=500&urgency=onTime');
  expect([onTime.counts, onTime.totalTasks, onTime.items.every((t: Task) => t.urgency === 'onTime')]).toEqual([counts, counts.onTime, true]);
  expect(all.items.every((t: Task) => t.kind === 'reply')).toBe(true);
  const everyDuty = (await http(ctx.current, 'GET', '/tasks?pageSize=500', { as: 'drc-officer' })).body;
  expect(new Set(everyDuty.items.map((t: Task) => t.kind)).size).toBeGreaterThan(1);
  const bad = await http(ctx.current, 'GET', '/tasks?urgency=soon', { as: 'drc-officer' });
  expect([bad.status, bad.body.errors[0].path]).toEqual([400, 'urgency']);
});

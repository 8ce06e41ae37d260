/**
 * The worker against `temporal server start-dev` (from the venv) and a real PostgreSQL:
 * proposal 202 runs through, and the read model follows every step, idempotently.
 */
import { MockActivityEnvironment, type TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import { createActivities } from '../../activities';
import { createProposalWorker } from '../../apps/worker/src/worker';
import { defaultPolicy } from '../../seeds/policy';
import { referenceCase } from '../../seeds/reference-case';
import { referenceSteps } from '../../seeds/reference-steps';
import { openDuties } from '../../workflows/domain/duties';
import { summarize } from '../../workflows/domain/summary';
import { PROJECTION_REJECTED, eventsQuery, viewQuery } from '../../workflows/messages';
import { ApplicationFailure } from '@temporalio/common';
import { type TestDatabase, createTestDatabase } from '../support/database';
import { act, startProposal } from '../support/proposals';
import { devServerEnv } from '../support/temporal';
import { VOCABULARY_VERSION, indexUnindexedProposals, searchWords } from '../../apps/common/search-words';
import { fingerprintUnfingerprinted } from '../../apps/common/fingerprints';
import { dropWordsOfAnOlderVocabulary } from '../../apps/common/resegmenting';

const policy = defaultPolicy();
const c202 = referenceCase();
const taskQueue = 'read-model-integration';
let env: TestWorkflowEnvironment;
let db: TestDatabase;
let worker: Worker;
let running: Promise<void>;

beforeAll(async () => {
  [env, db] = await Promise.all([devServerEnv(), createTestDatabase()]);
  worker = await createProposalWorker({ connection: env.nativeConnection, namespace: 'default', taskQueue, activities: createActivities(db.pool, env.client) });
  running = worker.run();
});
afterAll(async () => {
  worker?.shutdown();
  await running;
  await env?.teardown();
  await db?.drop();
});

/** Projections run after each step; wait for the one of `version`. */
async function projected(id: string, version: number) {
  for (let i = 0; i < 150; i++) {
    const { rows } = await db.pool.query('select * from proposals where id = $1', [id]);
    if (rows[0] && rows[0].version >= version) return rows[0];
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${id} never reached version ${version} in the read model`);
}

/** The workflows the server's visibility store finds for an operator's query, once it has caught up. */
async function listed(query: string): Promise<string[]> {
  let ids: string[] = [];
  for (let i = 0; i < 100 && ids.length === 0; i++) {
    if (i) await new Promise((r) => setTimeout(r, 100));
    ids = [];
    for await (const w of env.client.workflow.list({ query })) ids.push(w.workflowId);
  }
  return ids;
}

test('proposal 202 from intake to closed, with its tasks and events in PostgreSQL at every step', async () => {
  const handle = await startProposal(env.client, c202.intake, policy, taskQueue);
  const steps = referenceSteps(c202, () => new Date(Date.now() - 1000).toISOString());
  const assignIndex = steps.findIndex((s) => s.command.type === 'assign');
  for (const step of steps.slice(0, assignIndex + 1)) await act(handle, step.command);

  // Right after assignment: the units' tasks with the due dates the rules give.
  const view = await handle.query(viewQuery);
  const row = await projected(handle.workflowId, view.state.version);
  expect(row).toMatchObject({ session_id: 'smx-8-2', number: 202, status: 'handling', stage: 'drafting', lead_unit_id: 'smx-drc', unit_ids: ['smx-drc', 'smx-stb'] });
  const { rows: tasks } = await db.pool.query(
    `select kind, unit_id, to_char(due_date, 'YYYY-MM-DD') as due from unit_tasks where proposal_id = $1 order by kind, unit_id`,
    [handle.workflowId],
  );
  const expected = openDuties(view.state, policy, view.asOf)
    .map((d) => ({ kind: d.kind, unit_id: d.unitId, due: d.due.date }))
    .sort((a, b) => `${a.kind} ${a.unit_id}`.localeCompare(`${b.kind} ${b.unit_id}`));
  expect(tasks).toEqual(expected);
  expect(tasks.map((t) => t.kind)).toEqual(expect.arrayContaining(['reply', 'coHandlerOpinion', 'contactBeforeHandling']));
  // What an operator filters by in the Temporal web UI.
  const handling = `ProposalSession = 'smx-8-2' AND ProposalNumber = 202 AND ProposalStage = 'drafting' AND LeadUnit = 'smx-drc' AND CoHandlingUnits = 'smx-stb' AND ProposalOverdue = false`;
  await expect(listed(handling)).resolves.toEqual([handle.workflowId]);

  for (const step of steps.slice(assignIndex + 1)) await act(handle, step.command);
  const outcome = await handle.result();
  expect(outcome).toEqual({ status: 'closed', version: 21 });

  const final = await projected(handle.workflowId, 21);
  expect(final).toMatchObject({ status: 'closed', stage: 'closed', reply_class: 'B', version: 21 });
  expect(final.closed_at).toBeInstanceOf(Date);
  await expect(listed(`ProposalNumber = 202 AND ProposalStage = 'closed'`)).resolves.toEqual([handle.workflowId]);
  const { rows: events } = await db.pool.query('select seq, type, unit_id from proposal_events where proposal_id = $1 order by seq', [handle.workflowId]);
  const log = await handle.query(eventsQuery);
  expect(events.map((e) => [e.seq, e.type])).toEqual(log.map((e) => [e.seq, e.type]));
  expect(events.filter((e) => e.type === 'FollowUpReported').map((e) => e.unit_id)).toEqual(['smx-drc', 'smx-drc', 'smx-drc', 'smx-drc']);
  const { rows: open } = await db.pool.query('select count(*)::int as n from unit_tasks where proposal_id = $1', [handle.workflowId]);
  expect(open[0].n).toBe(0);
});

test('a retried or replayed projection leaves the same rows, and an older one never overwrites a newer', async () => {
  const intake = { ...c202.intake, number: 7202 };
  const handle = await startProposal(env.client, intake, policy, taskQueue);
  const [register, assign] = referenceSteps({ ...c202, intake }, () => new Date().toISOString());
  await act(handle, register!.command);
  const registered = await handle.query(viewQuery);
  await act(handle, assign!.command);
  const assigned = await handle.query(viewQuery);
  await projected(handle.workflowId, assigned.state.version);

  const snapshot = async () => ({
    proposal: (await db.pool.query('select stage, version, summary from proposals where id = $1', [handle.workflowId])).rows,
    events: (await db.pool.query('select seq, type, payload from proposal_events where proposal_id = $1 order by seq', [handle.workflowId])).rows,
    tasks: (await db.pool.query('select duty_key, due_at from unit_tasks where proposal_id = $1 order by duty_key', [handle.workflowId])).rows,
  });
  const before = await snapshot();
  const log = await handle.query(eventsQuery);
  const { projectProposal } = createActivities(db.pool, env.client);
  // Run as the worker runs it, with an activity context (for its logger).
  const run = (input: Parameters<typeof projectProposal>[0]) => new MockActivityEnvironment().run(projectProposal, input) as ReturnType<typeof projectProposal>;

  // The same version again, as a retried activity would send it.
  const retried = await run({ proposalId: handle.workflowId, summary: summarize(assigned.state, policy, [], openDuties(assigned.state, policy, assigned.asOf)), events: log, duties: openDuties(assigned.state, policy, assigned.asOf) });
  // An older version arriving late.
  const stale = await run({ proposalId: handle.workflowId, summary: summarize(registered.state, policy, [], openDuties(registered.state, policy, registered.asOf)), events: log.slice(0, 2), duties: [] });
  expect([retried.applied, stale.applied]).toEqual([false, false]);
  expect(await snapshot()).toEqual(before);
  expect(before.tasks.length).toBeGreaterThan(0);
  await handle.terminate('test done');
});

test('a projection PostgreSQL can never take fails as not retryable, and the committee is alerted once', async () => {
  const { projectProposal, reportProjectionRejected } = createActivities(db.pool, env.client);
  const handle = await startProposal(env.client, { ...c202.intake, number: 8203 }, policy, taskQueue);
  const view = await handle.query(viewQuery);
  const events = await handle.query(eventsQuery);
  // A string jsonb cannot hold, as a proposal filed before text was checked for it could carry.
  const poisoned = { ...summarize(view.state, policy, [], openDuties(view.state, policy, view.asOf)), title: '意见\ud800尾', version: view.state.version + 1 };
  const failure = await new MockActivityEnvironment()
    .run(projectProposal, { proposalId: handle.workflowId, summary: poisoned, events, duties: [] })
    .then(() => undefined, (err: unknown) => err);
  expect(failure).toBeInstanceOf(ApplicationFailure);
  expect(failure).toMatchObject({ type: PROJECTION_REJECTED, nonRetryable: true });
  const report = { proposalId: handle.workflowId, version: poisoned.version, error: (failure as Error).message };
  await new MockActivityEnvironment().run(reportProjectionRejected, report);
  await new MockActivityEnvironment().run(reportProjectionRejected, report);
  const { rows } = await db.pool.query(`select alert_key, duty_kind, audience from alert_outbox where proposal_id is null and duty_kind = 'projectionRejected'`);
  expect(rows).toEqual([{ alert_key: `projectionRejected:${handle.workflowId}:${poisoned.version}`, duty_kind: 'projectionRejected', audience: 'committee' }]);
  await handle.terminate('test done');
});

test('the words a proposal is found by: given at its filing, and given again to a row projected before the index, from its filing event', async () => {
  const handle = await startProposal(env.client, { ...c202.intake, number: 5301 }, policy, taskQueue);
  const id = handle.workflowId;
  await projected(id, 1);
  const found = async (q: string) => (await db.pool.query(`select id from proposals where search_words @@ plainto_tsquery('simple', $1)`, [searchWords(q).join(' ')])).rows.map((r) => r.id);
  // In the title, in the text, and a unit's name kept whole.
  expect(await found('新材料产业')).toContain(id);
  expect(await found('关键金属实验室')).toContain(id);
  expect(await found('养老服务')).not.toContain(id);
  // As a row projected before the index was: no words; the worker's start gives them again.
  await db.pool.query('update proposals set search_words = null where id = $1', [id]);
  expect(await found('新材料产业')).not.toContain(id);
  expect(await indexUnindexedProposals(db.pool)).toBeGreaterThanOrEqual(1);
  expect(await found('新材料产业')).toContain(id);
  expect(await indexUnindexedProposals(db.pool)).toBe(0);
  await handle.terminate('test done');
});

test('when the policy terms change, every proposal is cut again: its search words, its fingerprint and the word counts', async () => {
  const handle = await startProposal(env.client, { ...c202.intake, number: 5302, content: `${c202.intake.content}建议培育专精特新企业。` }, policy, taskQueue);
  const id = handle.workflowId;
  await projected(id, 1);
  const found = async (q: string) => (await db.pool.query(`select id from proposals where search_words @@ plainto_tsquery('simple', $1)`, [searchWords(q).join(' ')])).rows.map((r) => r.id);
  const fingerprinted = async () => (await db.pool.query<{ words: string[] }>('select words from proposal_fingerprints where proposal_id = $1', [id])).rows[0]?.words;
  expect(await found('专精特新')).toContain(id);
  // As cut by a vocabulary without the term.
  await db.pool.query(`update proposals set search_words = to_tsvector('simple', '专精 特新') where id = $1`, [id]);
  await db.pool.query(`update proposal_fingerprints set words = array['专精', '特新'] where proposal_id = $1`, [id]);
  await db.pool.query(`insert into word_frequencies (word, proposals) values ('专精', 1), ('特新', 1)`);
  await db.pool.query(`update vocabulary set version = 'older'`);
  expect(await found('专精特新')).not.toContain(id);

  expect(await dropWordsOfAnOlderVocabulary(db.pool)).toBe(true);
  expect(await dropWordsOfAnOlderVocabulary(db.pool)).toBe(false);
  expect(await fingerprinted()).toBeUndefined();
  expect(await indexUnindexedProposals(db.pool)).toBeGreaterThanOrEqual(1);
  expect(await fingerprintUnfingerprinted(db.pool)).toBeGreaterThanOrEqual(1);
  expect(await found('专精特新')).toContain(id);
  expect(await fingerprinted()).toEqual(expect.arrayContaining(['专精特新']));
  // The counts are of the fingerprints as they are now, not added to those of the older cut.
  const { rows } = await db.pool.query(
    `select (select proposals from word_frequencies where word = '') as every, (select count(*)::int from proposal_fingerprints) as fingerprints,
            (select proposals from word_frequencies where word = '专精特新') as term, (select count(*)::int from proposal_fingerprints where '专精特新' = any(words)) as using_term,
            (select count(*)::int from word_frequencies where word in ('专精', '特新')) as pieces, (select version from vocabulary) as version`,
  );
  expect(rows[0]).toEqual({ every: rows[0].fingerprints, fingerprints: expect.any(Number), term: rows[0].using_term, using_term: expect.any(Number), pieces: 0, version: VOCABULARY_VERSION });
  await handle.terminate('test done');
});

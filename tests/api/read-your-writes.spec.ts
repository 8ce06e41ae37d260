/**
 * An action answers once the proposal's rules have accepted it, before the read model has taken
 * it; whoever reads after it, naming the version it answered, still sees it. With a real worker,
 * Temporal dev server and PostgreSQL, and the read model's row held locked so that the order is
 * certain rather than a race.
 */
import { requestFor } from '../../apps/api/src/proposals/actions';
import { referenceCase } from '../../seeds/reference-case';
import { referenceSteps } from '../../seeds/reference-steps';
import { http, useStack } from '../support/api';

const c202 = referenceCase();
const ctx = useStack({ READ_YOUR_WRITES_MS: 1_000 });

async function registered(number: number): Promise<string> {
  const filed = await http(ctx.current, 'POST', '/proposals', { as: 'committee-clerk', body: { ...c202.intake, number } });
  expect(filed.status).toBe(201);
  const id = filed.body.proposalId as string;
  expect((await http(ctx.current, 'POST', `/proposals/${id}/registration`, { as: 'committee-clerk', body: { review: { outcome: 'register' } } })).status).toBe(200);
  return id;
}

const listed = async (id: string, as: string, headers?: Record<string, string>) => {
  const list = await http(ctx.current, 'GET', `/proposals?session=${c202.intake.session.id}&pageSize=100`, { as, headers });
  expect(list.status).toBe(200);
  return { item: (list.body.items as { id: string; stage: string; version: number }[]).find((p) => p.id === id)!, behind: list.headers.get('read-model-behind') };
};

test('the Update answers while the read model cannot yet take the change; a read naming its version waits for it, within a bound that it reports', async () => {
  const id = await registered(3501);
  const readModelVersion = async () => (await ctx.current.db.pool.query<{ version: number }>('select version from proposals where id = $1', [id])).rows[0]?.version;
  // The read model holds the registration: the list shows it to its author.
  const before = (await listed(id, 'committee-clerk')).item;
  expect(before.stage).toBe('registered');

  // The proposal's row locked, as a long transaction would: no projection of it can commit.
  const lock = await ctx.current.db.pool.connect();
  try {
    await lock.query('begin');
    await lock.query('select 1 from proposals where id = $1 for update', [id]);
    const assigned = await http(ctx.current, 'POST', `/proposals/${id}/assignment`, { as: 'committee-clerk', body: { assignment: c202.assignment } });
    // Answered with the new version although PostgreSQL has not taken it.
    expect(assigned.status).toBe(200);
    expect(assigned.body.version).toBe(before.version + 1);
    expect(await readModelVersion()).toBe(before.version);

    // The author's read waits for it, and after its bound answers what there is, saying what it lacks.
    const stale = await listed(id, 'committee-clerk');
    expect(stale.item.version).toBe(before.version);
    expect(stale.behind).toBe(`${id}@${assigned.body.version}`);

    // Another read waiting when the row is let go shows the assignment, and lacks nothing.
    const waiting = listed(id, 'committee-clerk');
    await lock.query('commit');
    const fresh = await waiting;
    expect(fresh.item).toMatchObject({ stage: 'drafting', version: assigned.body.version });
    expect(fresh.behind).toBeNull();
  } finally {
    await lock.query('rollback').catch(() => undefined);
    lock.release();
  }
});

test('no reader misses their own action: every list, inbox and figure read right after an action shows it', async () => {
  const ids = await Promise.all([3511, 3512, 3513, 3514, 3515, 3516].map(registered));
  await Promise.all(
    ids.map(async (id) => {
      const assigned = await http(ctx.current, 'POST', `/proposals/${id}/assignment`, { as: 'committee-clerk', body: { assignment: c202.assignment } });
      expect(assigned.status).toBe(200);
      // The committee's own list, at once.
      expect((await listed(id, 'committee-clerk')).item).toMatchObject({ stage: 'drafting', version: assigned.body.version });
      // The officer told of it (the version travels with the link or the notice) sees the duty in the inbox.
      const seen = { 'seen-versions': `${id}@${assigned.body.version}` };
      const inbox = await http(ctx.current, 'GET', `/tasks?pageSize=500`, { as: 'drc-officer', headers: seen });
      expect((inbox.body.items as { proposalId: string; kind: string }[]).filter((t) => t.proposalId === id).map((t) => t.kind)).toContain('reply');
      // The officer's contact, then the session's figures read by the officer's own version.
      const step = referenceSteps(c202, () => new Date(Date.now() - 60_000).toISOString()).find((s) => s.command.type === 'recordContact' && s.command.actor.id === 'drc-officer')!;
      const { action, body, principalId } = requestFor(step.command);
      const contact = await http(ctx.current, 'POST', `/proposals/${id}/${action}`, { as: principalId, body });
      expect(contact.status).toBe(200);
      const after = await http(ctx.current, 'GET', `/proposals?session=${c202.intake.session.id}&pageSize=100`, { as: principalId });
      expect((after.body.items as { id: string; version: number }[]).find((p) => p.id === id)!.version).toBe(contact.body.version);
    }),
  );
});

test('a Seen-Versions header that is not proposalId@version is a 400 naming it', async () => {
  const bad = await http(ctx.current, 'GET', '/tasks', { as: 'drc-officer', headers: { 'seen-versions': 'proposal-smx-8-2-202@zero' } });
  expect(bad.status).toBe(400);
  expect(bad.body.errors[0].path).toBe('Seen-Versions');
});

/**
 * Backup and restore of a running embedded stack, mid-session: the Temporal dev server on its
 * SQLite file with a worker, proposals open and timers pending, one proposal moving on while the
 * backup runs (after the read model's dump, before the store's copy). Restored into another
 * folder and database, the read model is upgraded and caught up; then a timer fires, an action
 * applies, and the read model equals what the proposals' Queries say.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Pool } from 'pg';
import { loadDirectory } from '../../apps/api/src/auth/principals';
import { createPool } from '../../apps/common/database';
import { BACKUP_FILES, describeBackup, dumpReadModel, sqliteOnlineBackup } from '../../apps/stack/src/backup';
import { type RunningStore, bringUpStore, catchUpReadModel, restoreBackup } from '../../apps/stack/src/restore';
import { compressedPolicy, defaultPolicy } from '../../seeds/policy';
import { referenceCase, seedDirectory } from '../../seeds/reference-case';
import { viewQuery } from '../../workflows/messages';
import { createTestDatabase, dropDatabase } from '../support/database';
import { act, startProposal } from '../support/proposals';
import { quietRuntime } from '../support/temporal';
import { until } from '../support/until';

const c202 = referenceCase();
const committee = { role: 'committee', id: 'committee-clerk' };
const stb = { role: 'officer', id: 'stb-officer', unitId: 'smx-stb' };
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'backup-restore-'));

const projected = async (pool: Pool, id: string) => (await pool.query<{ version: number; stage: string }>('select version, stage from proposals where id = $1', [id])).rows[0];

test('a backup taken mid-session is restored in another folder: the read model caught up, a timer fires, an action applies, the read model equals the Queries', async () => {
  quietRuntime();
  const original = await createTestDatabase();
  // The restore makes its own database, by a name nobody uses.
  const restoredUrl = `${original.url}_restored`;
  let first: RunningStore | undefined;
  let second: RunningStore | undefined;
  let restoredPool: Pool | undefined;
  try {
    await loadDirectory(original.pool, seedDirectory());
    first = await bringUpStore(path.join(dir, 'original', 'temporal.db'), original.pool);
    // 1801 on compressed time: the Science Bureau's opinion falls due in 8 s and its alerts follow.
    const clockCase = await startProposal(first.client, { ...c202.intake, number: 1801 }, compressedPolicy());
    // 1802 under the real rules: months to go, an opinion still to send.
    const slowCase = await startProposal(first.client, { ...c202.intake, number: 1802 }, defaultPolicy());
    for (const handle of [clockCase, slowCase]) {
      await act(handle, { type: 'review', actor: committee, review: { outcome: 'register' } });
      await act(handle, { type: 'assign', actor: committee, assignment: c202.assignment });
    }
    await until(() => projected(original.pool, slowCase.workflowId), (p) => p?.version === 3, 10, 'projected');

    // The backup, with 1802 moving on between the read model's dump and the store's copy.
    const out = path.join(dir, 'backup');
    fs.mkdirSync(out);
    const takenAt = new Date().toISOString();
    dumpReadModel(original.url, path.join(out, BACKUP_FILES.readModel));
    const contact = await act(slowCase, { type: 'recordContact', actor: { role: 'officer', id: 'drc-officer', unitId: 'smx-drc' }, contact: { ...c202.contacts[0]!.contact, occurredAt: new Date(Date.now() - 60_000).toISOString() } });
    // Its projection done before the store is copied: the copy holds nothing left to project, so
    // only the restore's catch-up can bring the restored read model (from the dump) up to it.
    await until(() => projected(original.pool, slowCase.workflowId), (p) => p?.version === contact.version, 10, 'the contact projected');
    sqliteOnlineBackup(path.join(dir, 'original', 'temporal.db'), path.join(out, BACKUP_FILES.temporal));
    await describeBackup(original.url, out, takenAt);
    const clockAtBackup = (await first.client.workflow.getHandle(clockCase.workflowId).query(viewQuery)).state.version;
    await first.stop();
    first = undefined;

    const restored = await restoreBackup({ from: out, dataDir: path.join(dir, 'restored'), databaseUrl: restoredUrl });
    expect(restored.applied).toEqual([]);
    expect(restored.manifest.proposals).toBe(2);
    restoredPool = createPool(restoredUrl, 3);
    expect((await projected(restoredPool, slowCase.workflowId))!.version).toBe(contact.version - 1);
    second = await bringUpStore(path.join(dir, 'restored', 'temporal.db'), restoredPool);
    const caughtUp = await catchUpReadModel(second.client, restoredPool);
    expect(caughtUp.proposals).toBe(2);
    expect(caughtUp.projected).toBeGreaterThanOrEqual(1);
    expect((await projected(restoredPool, slowCase.workflowId))!.version).toBe(contact.version);

    // A timer fires on the restored store: 1801's ladder climbs past where the backup left it.
    const clock = second.client.workflow.getHandle(clockCase.workflowId);
    await until(async () => (await restoredPool!.query(`select count(*)::int as n from alert_outbox where proposal_id = $1 and kind = 'escalation'`, [clockCase.workflowId])).rows[0].n as number, (n) => n >= 2, 60, 'escalations raised');
    expect((await clock.query(viewQuery)).state.version).toBeGreaterThan(clockAtBackup);
    // An action applies on the restored store.
    const slow = second.client.workflow.getHandle(slowCase.workflowId);
    const opinion = await act(slow as typeof slowCase, { type: 'submitOpinion', actor: stb, text: '建议加大对新材料企业研发投入的支持。' });
    expect(opinion.version).toBe(contact.version + 1);

    // The read model equals the Queries, proposal by proposal.
    for (const handle of [clock, slow]) {
      const view = await handle.query(viewQuery);
      const row = await until(() => projected(restoredPool!, handle.workflowId), (p) => p?.version === view.state.version, 15, `${handle.workflowId} projected`);
      expect(row).toEqual({ version: view.state.version, stage: view.stage });
      const { rows: tasks } = await restoredPool.query<{ duty_key: string }>('select duty_key from unit_tasks where proposal_id = $1 order by duty_key', [handle.workflowId]);
      expect(tasks.map((t) => t.duty_key)).toEqual(view.duties.map((d) => d.key).sort());
    }
    await clock.terminate('test done');
    await slow.terminate('test done');
  } finally {
    await second?.stop();
    await first?.stop();
    await restoredPool?.end();
    await original.drop();
    await dropDatabase(restoredUrl);
  }
}, 240_000);

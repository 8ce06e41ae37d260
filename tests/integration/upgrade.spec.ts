/**
 * An upgrade keeps data readable: for each earlier schema, a read model made at that migration and
 * holding a proposal, its events, a task, an alert and the directory is dumped with pg_dump,
 * restored with pg_restore into a new database, and upgraded by the migrations that followed; the
 * proposal, its history and its alert read as before, the search finds it once the worker gives it
 * its words, and no alert raised before people could be reached is sent late.
 * (Histories replay under the current code in the replay suite, which `npm test` runs beside.)
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { createPool, ensureDatabase, migrate } from '../../apps/common/database';
import { migrations } from '../../apps/common/migrations';
import { indexUnindexedProposals, searchWords } from '../../apps/common/search-words';
import { fanOutAlerts } from '../../apps/dispatcher/src/notices';
import { referenceCase } from '../../seeds/reference-case';
import { createTestDatabase, dropDatabase } from '../support/database';

const SERVER = process.env.TEST_DATABASE_SERVER ?? 'postgres://postgres@127.0.0.1:5432';
const c202 = referenceCase();
const id = 'proposal-smx-8-2-202';

/** What a read model of the first schemas held, in the columns those schemas had. */
async function seed(url: string) {
  const db = new Client({ connectionString: url });
  await db.connect();
  try {
    await db.query(`insert into units (id, name, kind) values ('smx-cppcc-committee', '三门峡市政协提案委员会', 'committee'), ('smx-drc', '三门峡市发展和改革委员会', 'bureau')`);
    await db.query(`insert into principals (id, name, role, unit_id) values ('committee-clerk', '提案委员会经办人', 'committee', null), ('drc-officer', '市发展改革委经办人', 'officer', 'smx-drc')`);
    await db.query(
      `insert into proposals (id, session_id, number, title, category, key_proposal, proposers, status, stage, assignment_mode, lead_unit_id, unit_ids, filed_at, assigned_at, version, summary)
       values ($1, 'smx-8-2', 202, $2, $3, false, $4, 'assigned', 'handling', 'joint', 'smx-drc', '{smx-drc}', now() - interval '2 days', now() - interval '1 day', 3, $5)`,
      [id, c202.intake.title, c202.intake.category, JSON.stringify(c202.intake.proposers), JSON.stringify({ sessionId: 'smx-8-2', sessionName: c202.intake.session.name, number: 202, title: c202.intake.title })],
    );
    await db.query(`insert into proposal_events (proposal_id, seq, type, at, actor, payload) values ($1, 1, 'ProposalFiled', now() - interval '2 days', '{"role": "committee", "id": "committee-clerk"}', $2)`, [id, JSON.stringify({ intake: c202.intake })]);
    await db.query(
      `insert into unit_tasks (proposal_id, duty_key, kind, unit_id, started_at, due_date, due_at, is_window, is_optional, version)
       values ($1, 'reply|smx-drc', 'reply', 'smx-drc', now() - interval '1 day', current_date + 60, now() + interval '60 days', false, false, 3)`,
      [id],
    );
    await db.query(
      `insert into alert_outbox (proposal_id, alert_key, kind, level, audience, duty_kind, unit_id, due_date, raised_at, payload)
       values ($1, 'reply|smx-drc|warning|0|x', 'warning', 0, 'officer', 'reply', 'smx-drc', current_date + 3, now(), '{}')`,
      [id],
    );
  } finally {
    await db.end();
  }
}

// Every schema that had the read model's tables (0003 made the outbox the seed fills).
const earlier = migrations.slice(2, -1).map((m) => m.id);

test.each(earlier)('a read model dumped at %s is restored and upgraded to the latest schema, its data readable', async (at) => {
  const old = await createTestDatabase(SERVER, at);
  const restoredUrl = `${old.url}_restored`;
  try {
    await seed(old.url);
    const dump = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'read-model-dump-')), 'read-model.dump');
    execFileSync('pg_dump', ['--format=custom', '--no-owner', `--file=${dump}`, old.url]);
    await ensureDatabase(restoredUrl);
    execFileSync('pg_restore', ['--no-owner', `--dbname=${restoredUrl}`, dump]);

    const pool = createPool(restoredUrl, 2);
    try {
      const applied = await migrate(pool);
      expect(applied).toEqual(migrations.slice(migrations.findIndex((m) => m.id === at) + 1).map((m) => m.id));
      const { rows: [p] } = await pool.query(`select title, version, stage, (select count(*)::int from proposal_events where proposal_id = $1) as events, (select count(*)::int from unit_tasks where proposal_id = $1) as tasks from proposals where id = $1`, [id]);
      expect(p).toEqual({ title: c202.intake.title, version: 3, stage: 'handling', events: 1, tasks: 1 });
      const { rows: people } = await pool.query(`select id, channels, email from principals order by id`);
      expect(people).toEqual([
        { id: 'committee-clerk', channels: ['email'], email: null },
        { id: 'drc-officer', channels: ['email'], email: null },
      ]);
      // Found by its words once the worker has given them (as it does when it starts).
      await indexUnindexedProposals(pool);
      const { rows: found } = await pool.query(`select id from proposals where search_words @@ plainto_tsquery('simple', $1)`, [searchWords('新材料产业').join(' ')]);
      expect(found).toEqual([{ id }]);
      // An alert raised before people could be reached is not sent to anyone now; one raised since is sent once.
      const reachable = migrations.findIndex((m) => m.id === at) >= migrations.findIndex((m) => m.id === '0015-notices');
      await pool.query(`update principals set email = 'officer@drc.smx.example.gov.cn' where id = 'drc-officer'`);
      const settings = { channels: ['email' as const], consoleUrl: 'http://localhost:3000', smsSignature: '【政协】' };
      expect(await fanOutAlerts(pool, settings)).toBe(reachable ? 1 : 0);
      expect(await fanOutAlerts(pool, settings)).toBe(0);
    } finally {
      await pool.end();
    }
  } finally {
    await old.drop();
    await dropDatabase(restoredUrl);
  }
});

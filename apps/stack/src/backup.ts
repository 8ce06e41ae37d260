/**
 * A consistent backup of a running embedded stack, into one folder: the read model first
 * (`pg_dump`, one snapshot), then the Temporal store (SQLite's online backup API, safe while the
 * dev server writes), so the store is never older than the read model and a restore only has to
 * project forward (restore.ts). Beside them, readable copies of what people keep by hand: the
 * directory (units, people and how each is reached) and the holiday calendar's loaded years.
 * Production backs up its Temporal cluster's and PostgreSQL's databases with their own tools.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { storedYears } from '../../common/calendar-years';
import { createPool } from '../../common/database';
import { migrations } from '../../common/migrations';
import { defaultPolicy } from '../../../seeds/policy';

export const BACKUP_FILES = { readModel: 'read-model.dump', temporal: 'temporal.db', directory: 'directory.json', calendar: 'calendar-years.json', manifest: 'manifest.json' } as const;

export interface Manifest {
  takenAt: string;
  /** The read model's schema when it was dumped: a restore applies the migrations after it. */
  migrations: string[];
  proposals: number;
}

/** The read model in one snapshot, in pg_dump's custom format (pg_restore takes it). */
export function dumpReadModel(databaseUrl: string, to: string): void {
  execFileSync('pg_dump', ['--format=custom', '--no-owner', `--file=${to}`, databaseUrl]);
}

/** SQLite's online backup of a database another process is writing (python3's sqlite3 module drives the C API). */
export function sqliteOnlineBackup(from: string, to: string): void {
  const script = 'import sqlite3, sys\nsource = sqlite3.connect(sys.argv[1])\ntarget = sqlite3.connect(sys.argv[2])\nwith target: source.backup(target)\ntarget.close(); source.close()';
  execFileSync('python3', ['-c', script, from, to]);
}

export async function takeBackup(o: { databaseUrl: string; temporalDb: string; out: string }): Promise<Manifest> {
  if (!fs.existsSync(o.temporalDb)) throw new Error(`no Temporal store at ${o.temporalDb}`);
  fs.mkdirSync(o.out, { recursive: true });
  if (fs.readdirSync(o.out).length > 0) throw new Error(`${o.out} is not empty: a backup goes into a folder of its own`);
  const file = (name: string) => path.join(o.out, name);
  const takenAt = new Date().toISOString();
  dumpReadModel(o.databaseUrl, file(BACKUP_FILES.readModel));
  sqliteOnlineBackup(o.temporalDb, file(BACKUP_FILES.temporal));

  return describeBackup(o.databaseUrl, o.out, takenAt);
}

/** The readable copies of the directory and calendar, and the manifest that makes the folder a complete backup (written last). */
export async function describeBackup(databaseUrl: string, out: string, takenAt: string): Promise<Manifest> {
  const file = (name: string) => path.join(out, name);
  const pool = createPool(databaseUrl, 1);
  try {
    const units = await pool.query(`select id, name, kind, case when head_name is null then null else json_build_object('name', head_name, 'email', head_email, 'mobile', head_mobile) end as head from units order by id`);
    const people = await pool.query(
      `select id, name, role, unit_id as "unitId", active, json_build_object('email', email, 'mobile', mobile, 'channels', channels, 'quietHours', quiet_hours) as contact from principals order by id`,
    );
    fs.writeFileSync(file(BACKUP_FILES.directory), JSON.stringify({ units: units.rows, people: people.rows }, null, 2));
    fs.writeFileSync(file(BACKUP_FILES.calendar), JSON.stringify(await storedYears(pool, defaultPolicy().calendar.name), null, 2));
    const applied = await pool.query<{ id: string }>('select id from schema_migrations order by id');
    const proposals = await pool.query<{ n: number }>('select count(*)::int as n from proposals');
    const manifest: Manifest = { takenAt, migrations: applied.rows.map((r) => r.id), proposals: proposals.rows[0]!.n };
    const unknown = manifest.migrations.filter((id) => !migrations.some((m) => m.id === id));
    if (unknown.length > 0) throw new Error(`the read model has migrations this code does not know (${unknown.join(', ')}): back it up with the version that made it`);
    fs.writeFileSync(file(BACKUP_FILES.manifest), JSON.stringify(manifest, null, 2));
    return manifest;
  } finally {
    await pool.end();
  }
}

/** The alert feed from the outbox: what a unit, a member or the committee has been alerted to. */
import { type BeforeApplicationShutdown, Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { Pool } from 'pg';
import { type Listening, listen } from '../../../common/database';
import { Subject } from 'rxjs';
import type { Principal } from '../auth/principals';
import { API_CONFIG, type ApiConfig } from '../config';
import { PG_POOL } from '../connections';
import { logger } from '../http/logging';
import { Problem } from '../http/problem';
import { rowOwners, visibleTo } from '../read-model/predicates';


const row = (r: Record<string, unknown>) => ({
  id: String(r.id),
  proposalId: r.proposal_id as string | null,
  kind: r.kind as string,
  level: r.level as number,
  audience: r.audience as string,
  dutyKind: r.duty_kind as string,
  unitId: r.unit_id as string | null,
  proposerId: r.proposer_id as string | null,
  commitmentNo: r.commitment_no as number | null,
  dueDate: r.due_date as string,
  raisedAt: (r.raised_at as Date).toISOString(),
  read: Boolean(r.read),
});
export type AlertItem = ReturnType<typeof row>;

/** The alerts a principal sees: the committee all; a unit's officers the unit's; a member their own. */
const visible = (p: Principal) => visibleTo(p, 2, rowOwners('a', 'alert'));

@Injectable()
export class AlertsService implements OnModuleInit, BeforeApplicationShutdown, OnApplicationShutdown {
  /** IDs of new outbox rows, heard once through one LISTEN connection and fanned out to streams. */
  readonly raised = new Subject<string>();
  private listening?: Listening;
  /** The newest row announced: after a lost connection, the rows since are announced by a scan. */
  private lastId = 0n;
  /** Shutting down: a connection regained now has nothing left to announce to, and the pool may be gone. */
  private stopping = false;

  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  async onModuleInit() {
    const { rows } = await this.pool.query<{ last: string | null }>('select max(id)::text as last from alert_outbox');
    this.lastId = BigInt(rows[0]?.last ?? 0);
    this.listening = listen(this.config.DATABASE_URL, 'alerts', (id) => this.announce(id), () => void this.catchUp());
  }

  /** Ends every open stream before the HTTP server closes, which waits for its connections. */
  beforeApplicationShutdown() {
    this.stopping = true;
    this.raised.complete();
  }

  async onApplicationShutdown() {
    await this.listening?.close();
  }

  private announce(id: string) {
    if (BigInt(id) > this.lastId) this.lastId = BigInt(id);
    this.raised.next(id);
  }

  /** The rows raised while nobody was listening, in order. A scan that fails leaves them to the feed (`GET /alerts`) until the connection is next regained. */
  private async catchUp() {
    if (this.stopping) return;
    try {
      const { rows } = await this.pool.query<{ id: string }>('select id::text from alert_outbox where id > $1 order by id', [this.lastId.toString()]);
      for (const { id } of rows) this.announce(id);
    } catch (err) {
      if (!this.stopping) logger.warn({ err: (err as Error).message }, 'alerts raised while the stream was not listening could not be read; the feed lists them');
    }
  }

  async list(p: Principal, unreadOnly: boolean, limit: number, proposalId?: string): Promise<AlertItem[]> {
    const { rows } = await this.pool.query(
      `select a.*, to_char(a.due_date, 'YYYY-MM-DD') as due_date, (r.alert_id is not null) as read
       from alert_outbox a left join alert_reads r on r.alert_id = a.id and r.principal_id = $1
       where ${visible(p).sql} and (not $3 or r.alert_id is null) and ($5::text is null or a.proposal_id = $5)
       order by a.id desc limit $4`,
      [p.id, visible(p).param, unreadOnly, limit, proposalId ?? null],
    );
    return rows.map(row);
  }

  /** One alert if this principal may see it. */
  async get(p: Principal, id: string): Promise<AlertItem | undefined> {
    const { rows } = await this.pool.query(
      `select a.*, to_char(a.due_date, 'YYYY-MM-DD') as due_date, (r.alert_id is not null) as read
       from alert_outbox a left join alert_reads r on r.alert_id = a.id and r.principal_id = $1
       where ${visible(p).sql} and a.id = $3::bigint`,
      [p.id, visible(p).param, id],
    );
    return rows[0] ? row(rows[0]) : undefined;
  }

  /** Marking read twice is marking it once. */
  async markRead(p: Principal, id: string): Promise<AlertItem> {
    if (!/^\d{1,18}$/.test(id) || !(await this.get(p, id))) throw new Problem(404, 'alert-not-found', 'No such alert', `alert ${id} does not exist or is not yours`);
    await this.pool.query('insert into alert_reads (alert_id, principal_id) values ($1, $2) on conflict do nothing', [id, p.id]);
    return (await this.get(p, id))!;
  }
}

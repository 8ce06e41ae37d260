/**
 * From alerts to the people they concern: each outbox alert is fanned out once into a notice per
 * person and channel, in the same transaction that marks it fanned out, so a second dispatcher or
 * a retry after a crash adds none (the notices' key is (source, recipient, channel)).
 * Who an audience is: a unit's officers, the proposer, the committee's people, or the unit's head.
 */
import type { Pool, PoolClient } from 'pg';
import { inTransaction } from '../../common/database';
import type { Channel } from '../../common/contact-preferences';
import type { AlertKind, Audience, DutyKind } from '../../../workflows/domain/vocabulary';
import { alertEmail, alertSms } from './notice-text';

export interface NoticeSettings {
  /** The channels a gateway is configured for: no notice is made for another. */
  channels: Channel[];
  /** The console's address, for links into it. */
  consoleUrl: string;
  /** 短信签名, e.g. 【三门峡政协】. */
  smsSignature: string;
}

export interface Recipient {
  id: string;
  name: string;
  email: string | null;
  mobile: string | null;
  channels: Channel[];
}

/** What a notice carries: an email's words (and a 催办通知书 to attach), or an SMS's text. */
export type NoticeContent = { subject: string; text: string; html: string; supervisionNoticeOf?: string } | { text: string };

export interface NewNotice {
  source: string;
  proposal_id: string | null;
  recipient: string;
  recipient_name: string;
  channel: Channel;
  address: string;
  urgent: boolean;
  content: NoticeContent;
}

/** Who an alert's audience is, with how each may be reached. The annual assessment is a record, nobody's inbox. */
async function recipientsOf(client: PoolClient, audience: Audience, unitId: string | null, proposerId: string | null): Promise<Recipient[]> {
  const { rows } = await client.query<Recipient>(
    `select id, name, email, mobile, channels from principals
      where active and (($1 = 'officer' and role = 'officer' and unit_id = $2) or ($1 = 'proposer' and id = $3) or ($1 = 'committee' and role = 'committee'))
     union all
     select 'head:' || id, head_name, head_email, head_mobile, array['email', 'sms'] from units where $1 = 'unitHead' and id = $2 and head_name is not null
     order by id`,
    [audience, unitId, proposerId],
  );
  return rows;
}

/** The notices of one person for one message, on each channel they want that has an address and a gateway. */
export function noticesFor(r: Recipient, settings: NoticeSettings, base: Omit<NewNotice, 'recipient' | 'recipient_name' | 'channel' | 'address' | 'content'>, email: () => NoticeContent, sms: () => string): NewNotice[] {
  const address: Record<Channel, string | null> = { email: r.email, sms: r.mobile };
  return r.channels
    .filter((ch) => settings.channels.includes(ch) && address[ch])
    .map((ch) => ({ ...base, recipient: r.id, recipient_name: r.name, channel: ch, address: address[ch]!, content: ch === 'email' ? email() : { text: sms() } }));
}

export async function insertNotices(client: PoolClient, notices: NewNotice[]): Promise<void> {
  if (notices.length === 0) return;
  await client.query(
    `insert into notices (source, proposal_id, recipient, recipient_name, channel, address, urgent, content)
     select x.source, x.proposal_id, x.recipient, x.recipient_name, x.channel, x.address, x.urgent, x.content
     from jsonb_to_recordset($1::jsonb) as x(source text, proposal_id text, recipient text, recipient_name text, channel text, address text, urgent boolean, content jsonb)
     on conflict (source, recipient, channel) do nothing`,
    [JSON.stringify(notices)],
  );
}

/** The committee's office as it signs its notices: the directory's committee unit. */
export async function senderName(client: PoolClient | Pool): Promise<string> {
  const { rows } = await client.query<{ name: string }>(`select name from units where kind = 'committee' order by id limit 1`);
  return rows[0]?.name ?? '政协提案委员会';
}

/** Fans out up to `batch` alerts not yet fanned out; returns how many notices it made. */
export async function fanOutAlerts(pool: Pool, settings: NoticeSettings, batch = 50): Promise<number> {
  return inTransaction(pool, async (client) => {
    const { rows } = await client.query<{
      id: string;
      proposal_id: string;
      kind: AlertKind;
      level: number;
      audience: Audience;
      duty_kind: DutyKind;
      unit_id: string | null;
      proposer_id: string | null;
      commitment_no: number | null;
      due_date: string;
      number: number;
      title: string;
      session_name: string;
      unit_name: string | null;
    }>(
      `select o.id, o.proposal_id, o.kind, o.level, o.audience, o.duty_kind, o.unit_id, o.proposer_id, o.commitment_no, o.due_date::text as due_date,
              p.number, p.title, p.summary->>'sessionName' as session_name, u.name as unit_name
         from alert_outbox o join proposals p on p.id = o.proposal_id left join units u on u.id = o.unit_id
        where o.notified_at is null order by o.id limit $1 for update of o skip locked`,
      [batch],
    );
    if (rows.length === 0) return 0;
    const sender = await senderName(client);
    const notices: NewNotice[] = [];
    for (const a of rows) {
      const urgent = a.kind === 'escalation';
      const withNotice = a.kind === 'escalation' && a.audience === 'unitHead';
      for (const r of await recipientsOf(client, a.audience, a.unit_id, a.proposer_id)) {
        const facts = {
          kind: a.kind,
          level: a.level,
          dutyKind: a.duty_kind,
          commitmentNo: a.commitment_no,
          dueDate: a.due_date,
          number: a.number,
          title: a.title,
          sessionName: a.session_name,
          unitName: a.unit_name,
          recipientName: r.name,
          link: `${settings.consoleUrl}/p/${a.proposal_id}`,
          sender,
          withNotice,
        };
        notices.push(
          ...noticesFor(
            r,
            settings,
            { source: `alert:${a.id}`, proposal_id: a.proposal_id, urgent },
            () => ({ ...alertEmail(facts), ...(withNotice ? { supervisionNoticeOf: a.id } : {}) }),
            () => alertSms(facts, settings.smsSignature),
          ),
        );
      }
    }
    await insertNotices(client, notices);
    await client.query('update alert_outbox set notified_at = now() where id = any($1::bigint[])', [rows.map((r) => r.id)]);
    return notices.length;
  });
}

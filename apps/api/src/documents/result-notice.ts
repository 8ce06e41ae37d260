/**
 * 办理结果告知: the replying unit's letter telling the proposers how a commitment of its reply
 * ended — delivered, with the unit's report, or undeliverable, with the reason the committee
 * accepted (DOMAIN.md, the committee's year) — as an official document like the reply.
 */
import type { CommitmentState, IssuedReply } from '../../../../workflows/domain/state';
import { type Block, chinaDate, documentDate } from './official-document';

export interface ResultFacts {
  number: number;
  title: string;
  /** The units that issued the reply, by name (`issuingUnits`). */
  units: string[];
  reply: IssuedReply;
  commitment: CommitmentState & { result: string; settledAt: string };
}

export function resultNotice(f: ResultFacts): Block[] {
  const d = f.reply.draft;
  const units = f.units;
  const c = f.commitment;
  const on = documentDate(chinaDate(c.settledAt));
  return [
    { kind: 'issuer', text: units.join(' ') },
    { kind: 'title', text: `关于第${f.number}号提案承诺事项办理结果的告知` },
    { kind: 'salutation', text: d.salutation },
    // A joint reply speaks for its issuing units together.
    { kind: 'body', text: `${units.length > 1 ? '我们' : '我单位'}在对《${f.title}》（第${f.number}号提案）的答复（${f.reply.documentNumber}）中承诺：${c.text}` },
    c.status === 'delivered'
      ? { kind: 'body', text: `该事项已办理完成。办理结果：${c.result}` }
      : { kind: 'body', text: `该事项经努力目前无法兑现，原因是：${c.result.replace(/[。.]?$/, '。')}经市政协提案委员会审核同意，现予告知。` },
    { kind: 'body', text: '感谢您对我们工作的关心和支持，欢迎继续提出意见和建议。' },
    ...units.map((u): Block => ({ kind: 'signature', text: u })),
    { kind: 'signature', text: on },
    { kind: 'note', text: `（联系人：${d.contactPerson.name}，联系电话：${d.contactPerson.phone}）` },
  ];
}

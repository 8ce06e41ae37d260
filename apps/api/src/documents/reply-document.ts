/**
 * An issued reply as an official document (公文) in the layout of GB/T 9704-2012, as a list of
 * blocks that the Word and the PDF renderers both draw: one source for the text of both.
 */
import type { IssuedReply } from '../../../../workflows/domain/state';

export type BlockKind =
  /** 发文机关标志: the issuing units, red, centred. */
  | 'issuer'
  /** 发文字号, centred above the red rule. */
  | 'number'
  /** 标题, centred, in the heavier face. */
  | 'title'
  /** 主送机关: the proposers, flush left. */
  | 'salutation'
  /** 正文 paragraph, first line indented two characters. */
  | 'body'
  /** 一级标题 (一、…), in the sans face. */
  | 'heading'
  /** 落款 and 成文日期, right-aligned. */
  | 'signature'
  /** 附注: the contact person and phone. */
  | 'note'
  /** 版记: 抄送. */
  | 'copies';

export interface Block {
  kind: BlockKind;
  text: string;
}

/** Names of units and offices by id, for the copies line. */
export type NameOf = (id: string) => string;

const OFFICES: Record<string, string> = { committee: '市政协提案委员会', supervisionOffice: '市政府督查室' };

/** 2024年6月14日: GB/T 9704-2012 writes the date in Arabic numerals, without leading zeros. */
export function documentDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

export function replyDocument(reply: IssuedReply, nameOf: NameOf): Block[] {
  const d = reply.draft;
  const units = d.issuingUnits ?? [];
  const blocks: Block[] = [];
  const add = (kind: BlockKind, text: string) => blocks.push({ kind, text });
  if (units.length > 0) add('issuer', units.join(' '));
  add('number', reply.documentNumber);
  if (d.titleLine) add('title', d.titleLine);
  add('salutation', d.salutation);
  for (const paragraph of d.opening.split('\n')) add('body', paragraph);
  for (const section of d.sections) {
    add('heading', section.heading);
    // 二级标题 run into their paragraph: （一）政策支持进一步完善。结合…
    for (const item of section.items) add('body', item.heading ? `${item.heading}。${item.text}` : item.text);
  }
  if (d.commitments.length > 0) {
    if (d.commitmentsHeading) add('heading', d.commitmentsHeading);
    for (const c of d.commitments) add('body', c.text);
  }
  add('body', d.closing);
  for (const unit of units) add('signature', unit);
  add('signature', documentDate(d.date));
  add('note', `（联系人：${d.contactPerson.name}，联系电话：${d.contactPerson.phone}）`);
  if (reply.copiedTo.length > 0) add('copies', `抄送：${reply.copiedTo.map((id) => OFFICES[id] ?? nameOf(id)).join('，')}。`);
  return blocks;
}

/** An issued reply as an official document (公文): its blocks, for the Word and the PDF renderers. */
import type { IssuedReply } from '../../../../workflows/domain/state';
import { type Block, type BlockKind, chinaDate, documentDate } from './official-document';

/** Names of units and offices by id, for the header, the signature and the copies line. */
export type NameOf = (id: string) => string;

/**
 * The units that issue a reply, by name: the issuer and its co-issuers (联合答复) from the directory,
 * or, for a draft pinned before co-issuers were ids, the header it wrote itself.
 */
export const issuingUnits = (reply: Pick<IssuedReply, 'draft'>, issuer: string, nameOf: NameOf): string[] =>
  reply.draft.issuingUnits ?? [issuer, ...(reply.draft.coIssuers ?? [])].map(nameOf);

const OFFICES: Record<string, string> = { committee: '市政协提案委员会', supervisionOffice: '市政府督查室' };

/** `issuer`: the unit whose reply it is (the one that issued it, after a reorganisation). */
export function replyDocument(reply: IssuedReply, issuer: string, nameOf: NameOf): Block[] {
  const d = reply.draft;
  const units = issuingUnits(reply, issuer, nameOf);
  const issuers = [issuer, ...(d.coIssuers ?? [])];
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
  // Dated the day it was issued; a draft not yet issued (the editor's preview) by its own date.
  const issuedOn = documentDate(reply.at ? chinaDate(reply.at) : d.date);
  add('signature', issuedOn);
  add('note', `（联系人：${d.contactPerson.name}，联系电话：${d.contactPerson.phone}）`);
  // A unit that issued the reply jointly (联合答复) stands in its header and signature: it is not copied too.
  const copies = reply.copiedTo.filter((id) => !issuers.includes(id)).map((id) => OFFICES[id] ?? nameOf(id)).filter((name) => !units.includes(name));
  if (copies.length > 0) add('copies', `抄送：${copies.join('，')}。`);
  // 印发机关: the office of the (first) issuing unit, which prints and sends the reply.
  if (units.length > 0) blocks.push({ kind: 'imprint', text: `${units[0]}办公室`, right: `${issuedOn}印发` });
  return blocks;
}

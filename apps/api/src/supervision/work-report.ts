/**
 * 提案工作情况报告 (draft): the session's figures in the sentences the committee reports them to the
 * plenary in (DOMAIN.md, the committee's year), as official-document blocks for the Word renderer.
 * Every figure is one the statistics answer (`sessions` and `totals` of GET /supervision/stats).
 */
import { type Block, chinaDate, documentDate } from '../documents/official-document';
import type { statistics } from './statistics';
import type { sessionFigures } from './session-figures';

type Figures = ReturnType<typeof sessionFigures>[number];
type Totals = ReturnType<typeof statistics>['totals'][number];

/** 90.6%: a share of the whole, to one decimal. */
export const share = (n: number, of: number) => (of === 0 ? '—' : `${((n / of) * 100).toFixed(1)}%`);
/** A rate the statistics answer (0–1, or null when nothing counts yet), as the report writes it. */
export const rate = (r: number | null | undefined) => (r === null || r === undefined ? '—' : `${(r * 100).toFixed(1)}%`);

export function workReport(f: Figures, t: Totals | undefined, asOf: string): Block[] {
  const blocks: Block[] = [];
  const body = (text: string) => blocks.push({ kind: 'body', text });
  blocks.push({ kind: 'title', text: `关于${f.sessionName}以来提案工作情况的报告（稿）` });
  blocks.push({ kind: 'heading', text: '一、提案提出和审查情况' });
  body(
    `${f.sessionName}以来，共收到提案${f.received}件，经审查立案${f.registered}件，并案${f.merged}件，不予立案${f.notRegistered}件，转为意见和建议${f.convertedToReport}件` +
      `${f.withdrawn ? `，提案者撤案${f.withdrawn}件` : ''}${f.awaitingReview ? `，尚在审查${f.awaitingReview}件` : ''}。`,
  );
  body(
    `其中，委员提案${f.byMembers}件、占${share(f.byMembers, f.received)}，集体提案${f.collective}件、占${share(f.collective, f.received)}；` +
      `${f.byCategory.map((c) => `${c.category}方面${c.count}件、占${share(c.count, f.received)}`).join('，')}。`,
  );
  blocks.push({ kind: 'heading', text: '二、提案办理情况' });
  body(`立案提案交由${f.units}家单位承办，其中主办单位${f.leadUnits}家。`);
  body(`截至${documentDate(chinaDate(asOf))}，已答复${t?.replied ?? 0}件，办复率${rate(t?.replyRate)}，满意率${rate(t?.satisfactionRate)}。`);
  const replies = f.repliesByClass.reduce((n, c) => n + c.count, 0);
  if (replies > 0) body(`答复中${f.repliesByClass.map((c) => `${c.replyClass}类${c.count}件、占${share(c.count, replies)}`).join('，')}。`);
  body(`遴选重点提案${f.keyProposals}件，由领导领衔督办。`);
  blocks.push({ kind: 'signature', text: '政协提案委员会' });
  blocks.push({ kind: 'signature', text: documentDate(chinaDate(asOf)) });
  return blocks;
}

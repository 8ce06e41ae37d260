/**
 * 办理情况通报 (draft): the government's account of how its units handled the session's proposals
 * (DOMAIN.md, the committee's year: city 通报 count replies by class with percentages and name the
 * units), as official-document blocks for the Word renderer. Every figure is one GET
 * /supervision/stats answers: the session's `sessions` and `totals`, and the units' `rows`.
 */
import { type Block, chinaDate, documentDate } from '../documents/official-document';
import type { statistics } from './statistics';
import type { sessionFigures } from './session-figures';
import { rate, share } from './work-report';

type Figures = ReturnType<typeof sessionFigures>[number];
type Totals = ReturnType<typeof statistics>['totals'][number];
type UnitRow = ReturnType<typeof statistics>['rows'][number];

export function handlingNotice(f: Figures, t: Totals, rows: UnitRow[], unitName: (id: string) => string, asOf: string): Block[] {
  const blocks: Block[] = [];
  const body = (text: string) => blocks.push({ kind: 'body', text });
  const asOfDate = documentDate(chinaDate(asOf));
  blocks.push({ kind: 'title', text: `关于${f.sessionName}政协提案办理情况的通报（稿）` });
  blocks.push({ kind: 'heading', text: '一、总体情况' });
  body(`${f.sessionName}交由市政府系统办理的政协提案${t.assigned}件，由${f.units}家单位承办，其中主办单位${f.leadUnits}家。`);
  body(
    `截至${asOfDate}，已答复${t.replied}件，办复率${rate(t.replyRate)}；按时办结率${rate(t.onTimeRate)}；` +
      `沟通率${rate(t.contactRate)}，见面率${rate(t.meetingRate)}；满意率${rate(t.satisfactionRate)}，首次答复满意率${rate(t.firstReplySatisfactionRate)}。`,
  );
  blocks.push({ kind: 'heading', text: '二、答复和承诺落实情况' });
  const replies = f.repliesByClass.reduce((n, c) => n + c.count, 0);
  body(replies === 0 ? '尚无已答复的提案。' : `答复中${f.repliesByClass.map((c) => `${c.replyClass}类${c.count}件、占${share(c.count, replies)}`).join('，')}。`);
  body(`答复中承诺的事项，已兑现${t.commitmentsDelivered}项，正在跟踪办理${t.commitmentsOpen}项，说明无法兑现${t.commitmentsUndeliverable}项，逾期未兑现${t.commitmentsOverdue}项。`);
  blocks.push({ kind: 'heading', text: '三、重点提案和答复公开' });
  body(`重点提案${t.keyProposals}件，按期答复${t.keyRepliedOnTime}件。已答复提案作出公开决定${t.publicationDecided}件，其中公开${t.published}件。`);
  blocks.push({ kind: 'heading', text: '四、各承办单位办理情况' });
  const replying = rows.filter((r) => r.replyRate !== null);
  const allOnTime = replying.filter((r) => r.replyRate === 1).map((r) => unitName(r.unitId));
  if (allOnTime.length > 0) body(`按期答复全部提案的单位：${allOnTime.join('、')}。`);
  const late = rows.filter((r) => r.dutiesOnTime < r.dutiesDue);
  body(
    late.length === 0
      ? '各承办单位应办事项均按时办结。'
      : `有逾期事项的单位：${late.map((r) => `${unitName(r.unitId)}（逾期${r.dutiesDue - r.dutiesOnTime}项，按时办结率${rate(r.onTimeRate)}）`).join('，')}。请上述单位抓紧办理，对逾期事项作出说明。`,
  );
  blocks.push({ kind: 'signature', text: '市人民政府办公室' });
  blocks.push({ kind: 'signature', text: asOfDate });
  return blocks;
}

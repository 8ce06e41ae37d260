/**
 * The assignment plan as the meeting writes it — 提案号, 审查结果 (立案 / 不予立案 / 并案 / 转参考),
 * 理由, 并入提案号, 主办单位, 会办单位, 分办单位 — into plan rows, units by id or by name, every
 * fault named by row and column.
 */
import { type PlanRow, PlanRowSchema } from '../../../../workflows/assignment-batch';
import type { RowError } from '../session-import/intake-rows';
import { type SheetRow, listCell } from '../session-import/spreadsheet';

const OUTCOMES: Record<string, PlanRow['review']['outcome']> = { 立案: 'register', 不予立案: 'notRegister', 并案: 'merge', 转参考: 'convertToReport', register: 'register', notRegister: 'notRegister', merge: 'merge', convertToReport: 'convertToReport' };

/** Units by id and by name. */
export type UnitIds = Map<string, string>;

export function planRowsFrom(rows: SheetRow[], units: UnitIds): { plan: PlanRow[]; errors: RowError[] } {
  const plan: PlanRow[] = [];
  const errors: RowError[] = [];
  const numbers = new Map<number, number>();
  for (const r of rows) {
    const before = errors.length;
    const cell = (h: string) => r.cells[h] ?? '';
    const fail = (column: string, reason: string) => errors.push({ row: r.row, column, reason });
    const unit = (column: string, name: string) => units.get(name) ?? (fail(column, `no unit ${name} in the directory`), name);
    const outcome = OUTCOMES[cell('审查结果')];
    if (!outcome) fail('审查结果', 'must be 立案, 不予立案, 并案 or 转参考');
    const review = outcome === 'register' ? { outcome } : outcome === 'merge' ? { outcome, intoNumber: Number(cell('并入提案号')), reason: cell('理由') } : { outcome, reason: cell('理由') };
    const lead = cell('主办单位');
    const separate = listCell(cell('分办单位'));
    let assignment: PlanRow['assignment'];
    if (outcome === 'register') {
      if (lead && separate.length > 0) fail('分办单位', 'a proposal has a 主办单位 or 分办单位, not both');
      else if (lead) assignment = { mode: 'joint', lead: unit('主办单位', lead), coHandlers: listCell(cell('会办单位')).map((u) => unit('会办单位', u)) };
      else if (separate.length > 0) assignment = { mode: 'separate', units: separate.map((u) => unit('分办单位', u)) };
      else fail('主办单位', 'a registered proposal needs a 主办单位 or 分办单位');
    }
    const parsed = PlanRowSchema.safeParse({ row: r.row, number: /^\d+$/.test(cell('提案号')) ? Number(cell('提案号')) : cell('提案号'), review, assignment });
    if (!parsed.success && errors.length === before) for (const i of parsed.error.issues) fail(i.path[0] === 'number' ? '提案号' : i.path[0] === 'review' ? '理由' : '主办单位', i.message);
    if (!parsed.success || errors.length > before) continue;
    const first = numbers.get(parsed.data.number);
    if (first !== undefined) {
      fail('提案号', `number ${parsed.data.number} is also row ${first}'s`);
      continue;
    }
    numbers.set(parsed.data.number, r.row);
    plan.push(parsed.data);
  }
  return { plan, errors };
}

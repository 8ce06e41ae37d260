/**
 * The assignment plan as the meeting writes it — 提案号, 审查结果 (立案 / 不予立案 / 并案 / 转参考),
 * 理由, 并入提案号, 主办单位, 会办单位, 分办单位 — into plan rows, units by id or by name, every
 * fault named by row and column.
 */
import { type PlanRow, PlanRowSchema } from '../../../../workflows/assignment-batch';
import type { ProposalStatus } from '../../../../workflows/domain/state';
import { mergeRefusal } from '../../../common/merge-target';
import type { RowError } from '../session-import/intake-rows';
import { type SheetRow, listCell } from '../session-import/spreadsheet';

const OUTCOMES: Record<string, PlanRow['review']['outcome']> = { 立案: 'register', 不予立案: 'notRegister', 并案: 'merge', 转参考: 'convertToReport', register: 'register', notRegister: 'notRegister', merge: 'merge', convertToReport: 'convertToReport' };

/** The units an id or a name may mean: a name two units share means both, and is refused as ambiguous. */
export type UnitIds = Map<string, string[]>;

export function unitIdsOf(units: { id: string; name: string }[]): UnitIds {
  const ids: UnitIds = new Map(units.map((u) => [u.id, [u.id]]));
  // A name that is also a unit's id means that unit.
  const byId = new Set(ids.keys());
  for (const u of units) if (!byId.has(u.name)) ids.set(u.name, [...(ids.get(u.name) ?? []), u.id]);
  return ids;
}

export function planRowsFrom(rows: SheetRow[], units: UnitIds): { plan: PlanRow[]; errors: RowError[] } {
  const plan: PlanRow[] = [];
  const errors: RowError[] = [];
  const numbers = new Map<number, number>();
  for (const r of rows) {
    const before = errors.length;
    const cell = (h: string) => r.cells[h] ?? '';
    const fail = (column: string, reason: string) => errors.push({ row: r.row, column, reason });
    const unit = (column: string, name: string) => {
      const ids = units.get(name) ?? [];
      if (ids.length !== 1) fail(column, ids.length === 0 ? `no unit ${name} in the directory` : `${name} names ${ids.length} units (${ids.join(', ')}): give the unit's id`);
      return ids[0] ?? name;
    };
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
  // A proposal merged into one this plan does not register would be merged into nothing.
  const outcomes = new Map(plan.map((p) => [p.number, p.review.outcome]));
  for (const p of plan) {
    if (p.review.outcome !== 'merge') continue;
    const into = p.review.intoNumber;
    const outcome = outcomes.get(into);
    if (into === p.number) errors.push({ row: p.row, column: '并入提案号', reason: 'a proposal is not merged into itself' });
    else if (outcome !== undefined && outcome !== 'register') errors.push({ row: p.row, column: '并入提案号', reason: `No. ${into} is not registered by this plan (row ${numbers.get(into)})` });
  }
  return { plan, errors };
}

/**
 * Rows naming proposals the session has not filed, and 并案 into a proposal the plan does not
 * review that is not registered now (`statuses`, by number): what a single action's check would
 * refuse, named before anything is applied.
 */
export function sessionFaults(plan: PlanRow[], statuses: Map<number, ProposalStatus>): RowError[] {
  const reviewed = new Set(plan.map((p) => p.number));
  return plan.flatMap((p) => {
    const faults: RowError[] = [];
    if (!statuses.has(p.number)) faults.push({ row: p.row, column: '提案号', reason: `proposal No. ${p.number} has not been filed` });
    const into = p.review.outcome === 'merge' ? p.review.intoNumber : undefined;
    const why = into === undefined || reviewed.has(into) ? undefined : mergeRefusal(into, statuses.get(into));
    if (why) faults.push({ row: p.row, column: '并入提案号', reason: why });
    return faults;
  });
}

/** Every number a plan names, as 提案号 or 并入提案号. */
export const numbersNamed = (plan: PlanRow[]) => [...new Set(plan.flatMap((p) => [p.number, ...(p.review.outcome === 'merge' ? [p.review.intoNumber] : [])]))];

/**
 * Rows of a session's spreadsheet as intakes: each row checked by the intake schema itself, its
 * proposers found in the directory by name (or given by id), every fault named by row and column.
 */
import { type Intake, IntakeSchema, type Proposer, type Session } from '../../../../workflows/domain/contracts';
import { type SheetRow, listCell } from './spreadsheet';

/** The columns, by the headers a submission system writes (Chinese) or their English names. */
export const COLUMNS = {
  number: ['提案号', 'number'],
  title: ['案由', 'title'],
  proposers: ['提案人', 'proposers'],
  proposerIds: ['提案人编号', 'proposerIds'],
  leadSigner: ['领衔人', 'leadSigner'],
  proposerKind: ['提案人类别', 'proposerKind'],
  category: ['类别', 'category'],
  content: ['内容', 'content'],
  key: ['重点提案', 'key'],
} as const;
type Column = keyof typeof COLUMNS;

const KINDS: Record<string, Proposer['kind']> = { 委员: 'member', member: 'member', 党派: 'partyGroup', partyGroup: 'partyGroup', 专委会: 'specialCommittee', specialCommittee: 'specialCommittee' };
const YES = new Set(['是', 'yes', 'true', '1']);
const NO = new Set(['', '否', 'no', 'false', '0']);

export interface RowError {
  row: number;
  column: string;
  reason: string;
}

/** The proposers the directory knows, by name; a name held by two is ambiguous. */
export type ProposerIdsByName = Map<string, string[]>;


export function intakeFromRow(r: SheetRow, session: Session, directory: ProposerIdsByName): { intake?: Intake; errors: RowError[] } {
  const errors: RowError[] = [];
  const headerOf = (c: Column) => COLUMNS[c].find((h) => h in r.cells) ?? COLUMNS[c][0];
  const cell = (c: Column) => r.cells[headerOf(c)] ?? '';
  const fail = (c: Column, reason: string) => errors.push({ row: r.row, column: headerOf(c), reason });

  const names = listCell(cell('proposers'));
  const given = listCell(cell('proposerIds'));
  if (given.length > 0 && given.length !== names.length) fail('proposerIds', `${given.length} ids for ${names.length} proposers`);
  const kind = KINDS[cell('proposerKind') || '委员'];
  if (!kind) fail('proposerKind', `must be 委员, 党派 or 专委会`);
  const lead = cell('leadSigner') || names[0];
  if (lead && !names.includes(lead)) fail('leadSigner', `${lead} is not among the proposers`);
  const proposers = names.map((name, i) => {
    let id = given[i];
    if (!id) {
      const ids = directory.get(name) ?? [];
      if (ids.length !== 1) fail('proposers', ids.length === 0 ? `${name} is not in the directory of members` : `${name} names ${ids.length} members: give 提案人编号`);
      id = ids[0];
    }
    return { id: id ?? '', name, kind: kind ?? 'member', leadSigner: name === lead && names.length > 1 };
  });
  const key = cell('key').toLowerCase();
  if (!YES.has(key) && !NO.has(key)) fail('key', 'must be 是 or 否');
  const number = cell('number');
  const candidate = {
    session,
    number: /^\d+$/.test(number) ? Number(number) : number,
    title: cell('title'),
    content: cell('content'),
    category: cell('category'),
    proposers,
    key: YES.has(key),
  };
  const parsed = IntakeSchema.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? '');
      const column = field in COLUMNS ? (field as Column) : undefined;
      // A proposer fault already named (not in the directory) is not named twice.
      if (column === 'proposers' && errors.some((e) => e.column === headerOf('proposers'))) continue;
      errors.push({ row: r.row, column: column ? headerOf(column) : field, reason: issue.message });
    }
  }
  return errors.length === 0 && parsed.success ? { intake: parsed.data, errors } : { errors };
}

/** Every row checked; numbers used twice in the file are faults of each row after the first. */
export function intakesFromRows(rows: SheetRow[], session: Session, directory: ProposerIdsByName): { intakes: { row: number; intake: Intake }[]; errors: RowError[] } {
  const intakes: { row: number; intake: Intake }[] = [];
  const errors: RowError[] = [];
  const seen = new Map<number, number>();
  for (const r of rows) {
    const { intake, errors: rowErrors } = intakeFromRow(r, session, directory);
    errors.push(...rowErrors);
    if (!intake) continue;
    const first = seen.get(intake.number);
    if (first !== undefined) {
      errors.push({ row: r.row, column: COLUMNS.number[0], reason: `number ${intake.number} is also row ${first}'s` });
      continue;
    }
    seen.set(intake.number, r.row);
    intakes.push({ row: r.row, intake });
  }
  return { intakes, errors };
}

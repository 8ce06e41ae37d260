/**
 * A session's proposals as a submission system exports them — .xlsx, CSV or JSON — read into
 * rows of text by column header, numbered as the operator sees them (the header is row 1).
 */
import ExcelJS from 'exceljs';
import { Readable } from 'node:stream';
import { Problem } from '../http/problem';

export type FileFormat = 'xlsx' | 'csv' | 'json';

export interface SheetRow {
  /** The row number in the file as a spreadsheet shows it (the header is row 1); in JSON, the item's index + 2. */
  row: number;
  cells: Record<string, string>;
}

const cellText = (v: ExcelJS.CellValue): string => {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((r) => r.text).join('');
  if (typeof v === 'object' && 'text' in v) return String(v.text);
  if (typeof v === 'object' && 'result' in v) return String(v.result ?? '');
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v);
};

function fromSheet(sheet: ExcelJS.Worksheet | undefined): SheetRow[] {
  if (!sheet) return [];
  const header = (sheet.getRow(1).values as ExcelJS.CellValue[]).map((v) => cellText(v).trim());
  const rows: SheetRow[] = [];
  sheet.eachRow((r, n) => {
    if (n === 1) return;
    const cells: Record<string, string> = {};
    (r.values as ExcelJS.CellValue[]).forEach((v, i) => header[i] && (cells[header[i]!] = cellText(v).trim()));
    if (Object.values(cells).some(Boolean)) rows.push({ row: n, cells });
  });
  return rows;
}

/** A cell holding a list (提案人, 会办单位…): items separated by 、 , ; or line breaks. */
export const listCell = (s: string) => s.split(/[、，,;；\n]/).map((x) => x.trim()).filter(Boolean);

export class UnreadableFile extends Error {}

export async function readRows(format: FileFormat, file: Buffer): Promise<SheetRow[]> {
  try {
    if (format === 'json') {
      const items: unknown = JSON.parse(file.toString('utf8'));
      if (!Array.isArray(items)) throw new UnreadableFile('a JSON import is an array of rows');
      return items.map((item, i) => ({ row: i + 2, cells: Object.fromEntries(Object.entries(item as object).map(([k, v]) => [k, v === null || v === undefined ? '' : String(v).trim()])) }));
    }
    const book = new ExcelJS.Workbook();
    if (format === 'xlsx') {
      await book.xlsx.load(file as unknown as ArrayBuffer);
      return fromSheet(book.worksheets[0]);
    }
    return fromSheet(await book.csv.read(Readable.from([file.toString('utf8').replace(/^\uFEFF/, '')])));
  } catch (err) {
    throw err instanceof UnreadableFile ? err : new UnreadableFile(`not a readable ${format} file: ${(err as Error).message}`);
  }
}

/** An uploaded file's rows, or a 422 naming the file field when it cannot be read. */
export function readUpload(format: FileFormat, base64: string): Promise<SheetRow[]> {
  return readRows(format, Buffer.from(base64, 'base64')).catch((err: unknown) => {
    if (err instanceof UnreadableFile) throw new Problem(422, 'unreadable-file', 'The file cannot be read', err.message, [{ path: 'file', message: err.message }]);
    throw err;
  });
}

/** Rows with faults: a 422 naming each by row and column; nothing was done. */
export function rowFaults(type: string, errors: { row: number; column: string; reason: string }[], hint: string): Problem {
  const listed = errors.map((e) => ({ path: `row ${e.row}, ${e.column}`, message: e.reason }));
  return new Problem(422, type, 'Rows of the file are not valid; nothing was done', `${errors.length} faults in ${new Set(errors.map((e) => e.row)).size} rows; ${hint}`, listed);
}

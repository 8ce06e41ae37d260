/**
 * The generated session as the committee's staff hold it: the submission system's export of the
 * proposals and the assignment meeting's plan, each an .xlsx with a header row.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';

async function writeSheet(file: string, sheetName: string, rows: object[]) {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(sheetName);
  const headers = Object.keys(rows[0]!);
  sheet.columns = headers.map((h) => ({ header: h, key: h, width: h === '内容' || h === '案由' ? 40 : 14 }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  sheet.addRows(rows);
  await book.xlsx.writeFile(file);
}

export async function writeSessionFiles(dir: string, sessionId: string, proposals: object[], plan: object[]): Promise<{ proposals: string; plan: string }> {
  fs.mkdirSync(dir, { recursive: true });
  const files = { proposals: path.join(dir, `${sessionId}-proposals.xlsx`), plan: path.join(dir, `${sessionId}-assignment-plan.xlsx`) };
  await writeSheet(files.proposals, '提案', proposals);
  await writeSheet(files.plan, '交办方案', plan);
  return files;
}

/** The rows of a workbook's first sheet, each by its header row's names (as the committee's staff read one back). */
export async function readSheet(file: string): Promise<Record<string, string>[]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const sheet = book.worksheets[0]!;
  const header = (sheet.getRow(1).values as unknown[]).map((v) => String(v ?? ''));
  const rows: Record<string, string>[] = [];
  sheet.eachRow((row, n) => {
    if (n > 1) rows.push(Object.fromEntries(header.flatMap((h, i) => (h ? [[h, String((row.values as unknown[])[i] ?? '')]] : []))));
  });
  return rows;
}


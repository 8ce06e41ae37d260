/** The text of a generated document, to read a figure or a sentence back: PDF by poppler's pdftotext, Word from its document.xml. */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const saved = (bytes: Buffer, name: string) => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'document-')), name);
  fs.writeFileSync(file, bytes);
  return file;
};

/** The PDF's text, laid out as on the page. */
export const pdfText = (pdf: Buffer) => execFileSync('pdftotext', ['-layout', saved(pdf, 'file.pdf'), '-']).toString();

/** The Word file's text runs, run together. */
export function docxText(docx: Buffer): string {
  const xml = execFileSync('python3', ['-c', 'import sys, zipfile; sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read("word/document.xml").decode())', saved(docx, 'file.docx')], { encoding: 'utf8' });
  return [...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
}

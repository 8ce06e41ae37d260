/**
 * Proposal 202's reply as an official document: the text extracted from the Word file and from
 * the PDF (Debian's poppler-utils, `pdftotext`) equals the real reply in
 * seeds/proposal-202-reply.txt paragraph by paragraph; what it adds are the fields the seed marks
 * illustrative (document number, 落款 date, contact) and the units' signature and copies lines.
 * Page 1 is rendered to PNG (`pdftoppm`) under test-output/.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { type Block, blockText } from '../../apps/api/src/documents/official-document';
import { replyDocument } from '../../apps/api/src/documents/reply-document';
import { documentDocx } from '../../apps/api/src/documents/document-docx';
import { documentPdf } from '../../apps/api/src/documents/document-pdf';
import { referenceCase, seedDirectory } from '../../seeds/reference-case';
import type { IssuedReply } from '../../workflows/domain/state';

const c = referenceCase();
const seedParagraphs = fs
  .readFileSync(path.resolve(__dirname, '../../seeds/proposal-202-reply.txt'), 'utf8')
  .split('\n')
  .map((l) => l.trim())
  .filter(Boolean);
const names = new Map(seedDirectory().units.map((u) => [u.id, u.name]));
const issued: IssuedReply = {
  at: '2024-06-14T09:00:00+08:00',
  signer: c.signer,
  documentNumber: c.draft.documentNumber,
  replyClass: c.draft.replyClass,
  draft: c.draft,
  recipients: c.intake.proposers.map((p) => p.id),
  // As the workflow issues it: the co-issuing Science Bureau is not copied.
  copiedTo: ['committee', 'supervisionOffice'],
};
const nameOf = (id: string) => names.get(id) ?? id;
const blocks = replyDocument(issued, 'smx-drc', nameOf);
/** What the document adds to the seed's text: the illustrative fields and the 版记. */
const added = (b: Block) => ['number', 'signature', 'note', 'copies', 'imprint'].includes(b.kind);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reply-202-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test('the document has the reply in the order of the real one, and the fields it adds', () => {
  expect(blocks.filter((b) => !added(b)).map((b) => b.text)).toEqual(seedParagraphs);
  expect(blocks.filter(added).map(blockText)).toEqual([
    '三发改提〔2024〕202号',
    '三门峡市发展和改革委员会',
    '三门峡市科技局',
    '2024年6月14日',
    `（联系人：${c.draft.contactPerson.name}，联系电话：${c.draft.contactPerson.phone}）`,
    '抄送：市政协提案委员会，市政府督查室。',
    '三门峡市发展和改革委员会办公室2024年6月14日印发',
  ]);
});

test('the co-issuers (ids) are named from the directory in the header and the signature, never among the copies', () => {
  expect(c.draft.coIssuers).toEqual(['smx-stb']);
  expect(blocks.filter((b) => b.kind === 'issuer').map((b) => b.text)).toEqual(['三门峡市发展和改革委员会 三门峡市科技局']);
  // Even were a co-issuer among the copied units, the copies line leaves it out.
  const copiedToo = replyDocument({ ...issued, copiedTo: [...issued.copiedTo, 'smx-stb'] }, 'smx-drc', nameOf);
  expect(copiedToo.find((b) => b.kind === 'copies')!.text).toBe('抄送：市政协提案委员会，市政府督查室。');
  // A reply the lead unit issues alone names it alone and copies the co-handler.
  const soleIssuer = replyDocument({ ...issued, draft: { ...c.draft, coIssuers: undefined }, copiedTo: [...issued.copiedTo, 'smx-stb'] }, 'smx-drc', nameOf);
  expect(soleIssuer.filter((b) => b.kind === 'issuer' || b.kind === 'signature').map((b) => b.text)).toEqual(['三门峡市发展和改革委员会', '三门峡市发展和改革委员会', '2024年6月14日']);
  expect(soleIssuer.find((b) => b.kind === 'copies')!.text).toBe('抄送：市政协提案委员会，市政府督查室，三门峡市科技局。');
});

test('the Word file holds the document paragraph by paragraph', async () => {
  const file = path.join(dir, 'reply.docx');
  fs.writeFileSync(file, await documentDocx(blocks));
  const xml = execFileSync('python3', ['-c', 'import sys, zipfile; sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read("word/document.xml").decode())', file], { encoding: 'utf8' });
  const paragraphs = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => [...p[0].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''));
  const unescape = (s: string) => s.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  expect(paragraphs.map(unescape)).toEqual(blocks.map(blockText));
  // Page numbers in the footers, odd pages at the right and even at the left.
  const footers = execFileSync('python3', ['-c', 'import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); sys.stdout.write("\\n".join(z.read(n).decode() for n in z.namelist() if n.startswith("word/footer")))', file], { encoding: 'utf8' });
  expect(footers.match(/PAGE/g)?.length).toBe(2);
  expect(footers).toContain('w:val="right"');
  expect(footers).toContain('w:val="left"');
});

test('the reply is dated the day it was issued, not the day it was drafted', () => {
  const later = replyDocument({ ...issued, at: '2024-06-20T02:00:00.000Z', draft: { ...c.draft, date: '2024-06-14' } }, 'smx-drc', nameOf);
  expect(later.filter((b) => b.kind === 'signature').at(-1)!.text).toBe('2024年6月20日');
  expect(later.find((b) => b.kind === 'imprint')!.right).toBe('2024年6月20日印发');
});

test('the PDF, with its fonts embedded, reads back as the reply; page 1 as a picture', async () => {
  const file = path.join(dir, 'reply.pdf');
  const pdf = await documentPdf(blocks);
  fs.writeFileSync(file, pdf);
  const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' });
  // Every font embedded (emb) and a subset (sub): a reader without Noto sees the same page.
  const rows = fonts.split('\n').slice(2).filter(Boolean);
  expect(rows.length).toBeGreaterThanOrEqual(3);
  for (const row of rows) expect(row).toMatch(/\byes\s+yes\s+(yes|no)\s+\d+\s+\d+\s*$/);
  // Lines wrap inside paragraphs, so compare without white space: the seed's paragraphs in order,
  // and between them only what the document adds.
  // Each page carries its number at the foot: — 1 —, — 2 —, …
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
  let text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  expect([...text.matchAll(/—(\d+)—/g)].map((m) => Number(m[1]))).toEqual(Array.from({ length: pages }, (_, i) => i + 1));
  text = text.replace(/—\d+—/g, '');
  const strip = (s: string) => s.replace(/\s+/g, '');
  for (const b of blocks) {
    const at = text.indexOf(strip(blockText(b)));
    expect([b.kind, at]).toEqual([b.kind, 0]);
    text = text.slice(strip(blockText(b)).length);
  }
  expect(text).toBe('');
  const out = path.resolve(__dirname, '../../test-output');
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(path.join(out, 'reply-202.pdf'), pdf);
  execFileSync('pdftoppm', ['-r', '80', '-f', '1', '-l', '1', '-png', '-singlefile', file, path.join(out, 'reply-202-page1')]);
  expect(fs.statSync(path.join(out, 'reply-202-page1.png')).size).toBeGreaterThan(10_000);
}, 60_000);

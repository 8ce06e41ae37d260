/**
 * An official document as a PDF: A4, GB/T 9704-2012 margins, Debian's Noto CJK fonts embedded as subsets
 * (serif for the body, its bold for the issuer and title, sans for headings), a red issuer and rule.
 */
import * as fs from 'node:fs';
import PDFDocument from 'pdfkit';
import { type Block, type BlockKind, pageNumber } from './official-document';

const FONT_DIR = process.env.CJK_FONT_DIR ?? '/usr/share/fonts/opentype/noto';
const FONTS = {
  serif: ['NotoSerifCJK-Regular.ttc', 'NotoSerifCJKsc-Regular'],
  serifBold: ['NotoSerifCJK-Bold.ttc', 'NotoSerifCJKsc-Bold'],
  sans: ['NotoSansCJK-Regular.ttc', 'NotoSansCJKsc-Regular'],
} as const;
const mm = (v: number) => (v / 25.4) * 72;
/** 22 lines to the page at 16 pt (GB/T 9704-2012, 5.2.2): the type area is 225 mm high, Noto's line 1.448 em. */
const LINE_GAP = mm(225) / 22 - 16 * 1.448;
const RED = '#c00000';
const STYLE: Record<BlockKind, { font: keyof typeof FONTS; size: number; color?: string; align: 'left' | 'center' | 'right' | 'justify' }> = {
  issuer: { font: 'serifBold', size: 20, color: RED, align: 'center' },
  number: { font: 'serif', size: 16, align: 'center' },
  title: { font: 'serifBold', size: 22, align: 'center' },
  salutation: { font: 'serif', size: 16, align: 'left' },
  body: { font: 'serif', size: 16, align: 'justify' },
  heading: { font: 'sans', size: 16, align: 'left' },
  signature: { font: 'serif', size: 16, align: 'right' },
  note: { font: 'serif', size: 16, align: 'left' },
  copies: { font: 'serif', size: 14, align: 'left' },
  imprint: { font: 'serif', size: 14, align: 'left' },
};
/** 4号 (14 pt) for page numbers, 7 mm below the type area (GB/T 9704-2012, 7.5). */
const PAGE_NUMBER_SIZE = 14;

/** Where the fonts are missing, says how to get them rather than failing inside the PDF library. */
function missingFonts(): string[] {
  return Object.values(FONTS)
    .map(([file]) => `${FONT_DIR}/${file}`)
    .filter((f) => !fs.existsSync(f));
}

export function documentPdf(blocks: Block[]): Promise<Buffer> {
  const missing = missingFonts();
  if (missing.length > 0) throw new Error(`CJK fonts missing (${missing.join(', ')}): install Debian's fonts-noto-cjk (npm run setup)`);
  const margins = { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) };
  const doc = new PDFDocument({ size: 'A4', margins, bufferPages: true, info: { Title: blocks.find((b) => b.kind === 'title')?.text ?? '', Author: blocks.find((b) => b.kind === 'issuer')?.text ?? '' } });
  for (const [name, [file, postscript]] of Object.entries(FONTS)) doc.registerFont(name, `${FONT_DIR}/${file}`, postscript);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = doc.page.width - margins.left - margins.right;
  for (const b of blocks) {
    const s = STYLE[b.kind];
    if (b.kind === 'title') doc.moveDown(1);
    doc.font(s.font).fontSize(s.size).fillColor(s.color ?? 'black');
    const indent = b.kind === 'body' || b.kind === 'heading' ? s.size * 2 : 0;
    doc.text(b.text, margins.left, undefined, { width, align: s.align, indent, lineGap: LINE_GAP });
    if (b.kind === 'number') {
      // The red rule under the document number (版头中的分隔线).
      const y = doc.y + 6;
      doc.moveTo(margins.left, y).lineTo(margins.left + width, y).lineWidth(1.5).strokeColor(RED).stroke();
      doc.y = y + 6;
    }
    if (b.kind === 'title') doc.moveDown(0.5);
    if (b.kind === 'imprint' && b.right) {
      // The date on the imprint's own line, flush right.
      const y = doc.y - doc.currentLineHeight(true) - LINE_GAP;
      doc.text(b.right, margins.left, y, { width, align: 'right', lineGap: LINE_GAP });
    }
    if (b.kind === 'copies' || b.kind === 'imprint') {
      const y = doc.y + 4;
      doc.moveTo(margins.left, y).lineTo(margins.left + width, y).lineWidth(0.75).strokeColor('black').stroke();
    }
  }
  const pages = doc.bufferedPageRange();
  for (let i = 0; i < pages.count; i++) {
    doc.switchToPage(pages.start + i);
    // Below the type area: without lifting the bottom margin the library would open a new page.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const label = pageNumber(i + 1);
    doc.font('serif').fontSize(PAGE_NUMBER_SIZE).fillColor('black');
    const x = (i + 1) % 2 === 1 ? margins.left + width - PAGE_NUMBER_SIZE - doc.widthOfString(label) : margins.left + PAGE_NUMBER_SIZE;
    doc.text(label, x, doc.page.height - bottom + mm(7), { lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}

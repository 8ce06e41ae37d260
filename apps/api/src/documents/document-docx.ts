/**
 * An official document as a Word file (bureaus edit and archive .docx): A4, GB/T 9704-2012 margins, the
 * fonts a government PC has (仿宋_GB2312 body, 方正小标宋简体 title and issuer, 黑体 headings),
 * a red issuer and rule.
 */
import { AlignmentType, BorderStyle, Document, Footer, Packer, PageNumber, Paragraph, Tab, TabStopType, TextRun } from 'docx';
import type { Block, BlockKind } from './official-document';

const mm = (v: number) => Math.round((v / 25.4) * 1440); // twips
const RED = 'C00000';
/** Font, size in half-points (三号 16 pt = 32, 二号 22 pt = 44) and colour per kind. */
const STYLE: Record<BlockKind, { font: string; size: number; color?: string; bold?: boolean }> = {
  issuer: { font: '方正小标宋简体', size: 40, color: RED },
  number: { font: '仿宋_GB2312', size: 32 },
  title: { font: '方正小标宋简体', size: 44 },
  salutation: { font: '仿宋_GB2312', size: 32 },
  body: { font: '仿宋_GB2312', size: 32 },
  heading: { font: '黑体', size: 32 },
  signature: { font: '仿宋_GB2312', size: 32 },
  note: { font: '仿宋_GB2312', size: 32 },
  copies: { font: '仿宋_GB2312', size: 28 },
  imprint: { font: '仿宋_GB2312', size: 28 },
};
/** The type area's width (A4 less the side margins), where the imprint's date stands flush right. */
const TYPE_WIDTH = mm(210 - 28 - 26);
const ALIGN: Partial<Record<BlockKind, (typeof AlignmentType)[keyof typeof AlignmentType]>> = {
  issuer: AlignmentType.CENTER,
  number: AlignmentType.CENTER,
  title: AlignmentType.CENTER,
  body: AlignmentType.BOTH,
  signature: AlignmentType.RIGHT,
};

function paragraph(b: Block): Paragraph {
  const s = STYLE[b.kind];
  return new Paragraph({
    alignment: ALIGN[b.kind] ?? AlignmentType.LEFT,
    // Two characters of first-line indent for the body and headings (GB/T 9704-2012, 7.3.3).
    indent: b.kind === 'body' || b.kind === 'heading' ? { firstLine: s.size * 20 } : undefined,
    spacing: { line: 560, before: b.kind === 'title' ? 480 : 0, after: b.kind === 'title' ? 240 : 0 },
    border: b.kind === 'number' ? { bottom: { style: BorderStyle.SINGLE, size: 12, color: RED, space: 8 } } : b.kind === 'copies' || b.kind === 'imprint' ? { top: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 4 } } : undefined,
    tabStops: b.right ? [{ type: TabStopType.RIGHT, position: TYPE_WIDTH }] : undefined,
    children: [run(b.text, s), ...(b.right ? [new TextRun({ children: [new Tab()] }), run(b.right, s)] : [])],
  });
}

const run = (text: string, s: { font: string; size: number; color?: string }) => new TextRun({ text, font: { eastAsia: s.font, ascii: s.font, hAnsi: s.font }, size: s.size, color: s.color });

/** 页码: "— 1 —" in 4号 (14 pt) type, odd pages at the right and even pages at the left, one character in. */
function pageFooter(odd: boolean): Footer {
  const s = { font: '宋体', size: 28 };
  const dash = (text: string) => new TextRun({ text, font: { eastAsia: s.font, ascii: s.font, hAnsi: s.font }, size: s.size });
  return new Footer({
    children: [
      new Paragraph({
        alignment: odd ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: odd ? { right: s.size * 10 } : { left: s.size * 10 },
        children: [dash('— '), new TextRun({ children: [PageNumber.CURRENT], size: s.size }), dash(' —')],
      }),
    ],
  });
}

export function documentDocx(blocks: Block[]): Promise<Buffer> {
  const doc = new Document({
    creator: blocks.find((b) => b.kind === 'issuer')?.text ?? '',
    title: blocks.find((b) => b.kind === 'title')?.text ?? '',
    evenAndOddHeaderAndFooters: true,
    sections: [
      {
        properties: { page: { size: { width: mm(210), height: mm(297) }, margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26), footer: mm(28) } } },
        footers: { default: pageFooter(true), even: pageFooter(false) },
        children: blocks.map(paragraph),
      },
    ],
  });
  return Packer.toBuffer(doc);
}

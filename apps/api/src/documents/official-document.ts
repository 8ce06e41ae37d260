/**
 * An official document (公文) in the layout of GB/T 9704-2012 as a list of blocks that the Word
 * and the PDF renderers both draw: one source for the text of both, whatever the document.
 */
export type BlockKind =
  /** 发文机关标志: the issuing units, red, centred. */
  | 'issuer'
  /** 发文字号, centred above the red rule. */
  | 'number'
  /** 标题, centred, in the heavier face. */
  | 'title'
  /** 主送机关: to whom it is sent (a reply's proposers), flush left. */
  | 'salutation'
  /** 正文 paragraph, first line indented two characters. */
  | 'body'
  /** 一级标题 (一、…), in the sans face. */
  | 'heading'
  /** 落款 and 成文日期, right-aligned. */
  | 'signature'
  /** 附注: the contact person and phone. */
  | 'note'
  /** 版记: 抄送. */
  | 'copies'
  /** 版记: 印发机关 flush left and 印发日期 flush right, on one line between rules. */
  | 'imprint';

export interface Block {
  kind: BlockKind;
  text: string;
  /** What stands flush right on the same line (the imprint's date). */
  right?: string;
}

/** A block's text as it reads, left to right. */
export const blockText = (b: Block) => b.text + (b.right ?? '');

/** 页码 (GB/T 9704-2012, 7.5): a dash either side; odd pages at the right, even pages at the left, one character in. */
export const pageNumber = (n: number) => `— ${n} —`;

/** 2024年6月14日: GB/T 9704-2012 writes the date in Arabic numerals, without leading zeros. */
export function documentDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** The date of an instant in Beijing time, which the whole country's documents are dated in. */
export function chinaDate(instant: string | Date): string {
  const ms = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  return new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);
}

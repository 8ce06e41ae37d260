/**
 * 提案查重: what makes two proposals say the same thing. A proposal's distinctive words are its
 * title's and text's words (jieba's precise cut, unit names and policy terms kept whole) without
 * the form every proposal shares — 关于…的提案/建议, 建议, salutations, the proposer's name —
 * nor words too short to mean anything. Two proposals are ranked by the cosine of their words
 * weighted by rarity (TF-IDF, each word once), and a SimHash of their words, or the share of
 * words they have in common, marks a near-verbatim copy, however common its words. Pure: the
 * read model stores what these compute.
 */
import { searchWords, segment } from './search-words';

/** The form of a proposal, not its matter: in every title and most texts. */
const BOILERPLATE = new Set(
  [
    '关于', '提案', '建议', '意见', '进一步', '加强', '推进', '推动', '加快', '促进', '完善', '提升', '做好', '工作', '问题', '方面', '有关', '相关',
    '我们', '我市', '我省', '我国', '目前', '当前', '现在', '存在', '一些', '部分', '以及', '通过', '进行', '实现', '开展', '没有', '需要', '能够',
    '可以', '应当', '应该', '具有', '不足', '较好', '一定', '优势', '短板', '已经', '同时', '其中', '还是', '主要', '重要', '情况', '政协', '委员', '提出', '如下', '具体', '以下', '为了', '对于',
    '尊敬', '领导', '答复', '办理', '单位', '部门', '政府', '市政府', '全市', '全省', '一是', '二是', '三是', '四是', '五是', '第一', '第二', '第三',
  ].map((w) => w.toLowerCase()),
);

/** The proposal's own words, without its form and its proposers' names. */
export function distinctiveWords(p: { title: string; content: string; proposers?: string[] }): string[] {
  const names = new Set((p.proposers ?? []).map((n) => n.toLowerCase()));
  const stripped = `${p.title.replace(/^关于|的(提案|建议)$/g, '')}\n${p.content}`;
  return segment(stripped)
    .map((w) => w.trim().toLowerCase())
    .filter((w) => isMatterWord(w) && !names.has(w));
}

/** Long enough to mean something, not a number, and not the form every proposal shares. */
const isMatterWord = (w: string) => w.length >= 2 && /\p{L}/u.test(w) && !BOILERPLATE.has(w);

/**
 * The words with the shorter words inside them (中小学生: 中小, 小学, 学生), as jieba's search mode
 * gives them: a proposal of a dozen words and a unit's responsibilities seldom use one word alike
 * (中小学生, 中小学校) but often share what they are made of.
 */
export function withPieces(words: string[]): string[] {
  const pieces = words.flatMap((w) => searchWords(w)).filter(isMatterWord);
  return [...new Set([...words, ...pieces])];
}

const MASK = (1n << 64n) - 1n;

/** FNV-1a, 64 bits: a stable hash of a word, the same in every process and release. */
function fnv1a64(text: string): bigint {
  let h = 0xcbf29ce484222325n;
  for (const byte of Buffer.from(text, 'utf8')) h = ((h ^ BigInt(byte)) * 0x100000001b3n) & MASK;
  return h;
}

/**
 * A SimHash over the words (shingles of one word, each as often as it occurs): copies differing
 * in a few words differ in a few bits. Shingles of two made a proposal of thirty words with one
 * word changed differ in ten bits, nearly as much as two texts on one matter in other words
 * (15–25); of one, in three or four against 18 or more. As a signed 64-bit integer, for PostgreSQL's bigint.
 */
export function simHash(words: string[]): bigint {
  const weights = new Array<number>(64).fill(0);
  for (const shingle of words) {
    const h = fnv1a64(shingle);
    for (let bit = 0; bit < 64; bit++) weights[bit]! += (h >> BigInt(bit)) & 1n ? 1 : -1;
  }
  const unsigned = weights.reduce((acc, w, bit) => (w > 0 ? acc | (1n << BigInt(bit)) : acc), 0n);
  return BigInt.asIntN(64, unsigned);
}

export const hammingDistance = (a: bigint, b: bigint): number => {
  let x = BigInt.asUintN(64, a ^ b);
  let n = 0;
  for (; x; x &= x - 1n) n++;
  return n;
};

/** Bits two SimHashes may differ in and still be copies of one text (texts on one matter in other words differ in 15 or more). */
export const NEAR_COPY_BITS = 6;

/**
 * Of their distinct words, the share two copies have in common at least. A SimHash of a short
 * text is noisy (a copy of 25 words with one word changed may differ in 7 bits), which the words
 * themselves are not; texts on one matter in other words share a third of them or less.
 */
export const NEAR_COPY_WORDS = 0.8;

/** Whether one of two texts is a copy of the other, a few words changed: by their SimHashes, or by the words they share. */
function isNearCopy(a: { words: Set<string>; simHash: bigint }, b: { words: Set<string>; simHash: bigint }, shared: number, differingBits: number): boolean {
  if (shared === 0) return false;
  return differingBits <= NEAR_COPY_BITS || shared / (a.words.size + b.words.size - shared) >= NEAR_COPY_WORDS;
}

/** A word's rarity among `total` proposals, `frequency` of which use it. */
export const rarity = (frequency: number, total: number): number => Math.log(1 + total / Math.max(frequency, 1));

export interface Fingerprint {
  words: string[];
  simHash: bigint;
}

export interface Likeness {
  score: number;
  /** The words both use, the rarest first. */
  shared: string[];
  nearCopy: boolean;
  differingBits: number;
}

/** How alike two proposals are: the cosine of their rarity-weighted words, and whether one is a copy of the other. */
export function likeness(a: Fingerprint, b: Fingerprint, weight: (word: string) => number): Likeness {
  const wa = new Set(a.words);
  const wb = new Set(b.words);
  const norm = (words: Set<string>) => Math.sqrt([...words].reduce((sum, w) => sum + weight(w) ** 2, 0));
  const shared = [...wa].filter((w) => wb.has(w)).sort((x, y) => weight(y) - weight(x));
  const dot = shared.reduce((sum, w) => sum + weight(w) ** 2, 0);
  const denominator = norm(wa) * norm(wb);
  const differingBits = hammingDistance(a.simHash, b.simHash);
  const nearCopy = isNearCopy({ words: wa, simHash: a.simHash }, { words: wb, simHash: b.simHash }, shared.length, differingBits);
  return { score: denominator === 0 ? 0 : dot / denominator, shared, nearCopy, differingBits };
}

/** A score from which two proposals of a session are likely one matter, worth a look at the review (并案). */
export const MERGE_CANDIDATE_SCORE = 0.5;

/** Whether the review should offer `l`'s proposal as one to merge with (并案): a near copy, or as alike as proposals on one matter are. */
export const isMergeCandidate = (l: Likeness): boolean => l.nearCopy || l.score >= MERGE_CANDIDATE_SCORE;

/**
 * The pairs among `prints` that are near copies, each pair once (the earlier first). Copies
 * differ in few of 64 bits, so cut into more bands than that, two copies agree on at least one
 * whole band: only proposals sharing a band are compared, not all pairs. Eight bands find every
 * pair differing in up to seven bits, and most differing in more.
 */
export function nearCopyPairs(prints: Fingerprint[]): [number, number][] {
  const BANDS = NEAR_COPY_BITS + 2;
  const words = prints.map((p) => new Set(p.words));
  const width = Math.ceil(64 / BANDS);
  const buckets = new Map<string, number[]>();
  prints.forEach((p, i) => {
    const bits = BigInt.asUintN(64, p.simHash);
    for (let b = 0; b < BANDS; b++) {
      const key = `${b}:${(bits >> BigInt(b * width)) & ((1n << BigInt(width)) - 1n)}`;
      buckets.set(key, [...(buckets.get(key) ?? []), i]);
    }
  });
  const pairs = new Map<string, [number, number]>();
  for (const members of buckets.values()) {
    for (let x = 0; x < members.length; x++) {
      for (let y = x + 1; y < members.length; y++) {
        const [i, j] = [members[x]!, members[y]!];
        if (pairs.has(`${i}-${j}`)) continue;
        const [a, b] = [{ words: words[i]!, simHash: prints[i]!.simHash }, { words: words[j]!, simHash: prints[j]!.simHash }];
        const shared = [...a.words].filter((w) => b.words.has(w)).length;
        if (isNearCopy(a, b, shared, hammingDistance(a.simHash, b.simHash))) pairs.set(`${i}-${j}`, [i, j]);
      }
    }
  }
  return [...pairs.values()].sort((p, q) => p[0] - q[0] || p[1] - q[1]);
}

/** Near copies first, then by score. */
export const byLikeness = (x: Likeness, y: Likeness): number => Number(y.nearCopy) - Number(x.nearCopy) || y.score - x.score;

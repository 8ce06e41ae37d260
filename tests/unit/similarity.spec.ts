import { searchWords, segment } from '../../apps/common/search-words';
import { NEAR_COPY_BITS, distinctiveWords, hammingDistance, likeness, nearCopyPairs, rarity, simHash } from '../../apps/common/similarity';

const fingerprint = (title: string, content: string, proposers: string[] = []) => {
  const words = distinctiveWords({ title, content, proposers });
  return { words, simHash: simHash(words) };
};
const TEXT = '依托中原关键金属实验室建设铝基新材料中试基地，设立新材料产业发展基金，对引进的超硬材料创新团队给予住房补贴，培育新材料产业集群。';

test("a proposal's form and its proposers' names are not its words", () => {
  const words = distinctiveWords({ title: '关于进一步加强新材料产业发展的提案', content: `尊敬的领导：王凤杰委员建议，${TEXT}`, proposers: ['王凤杰'] });
  expect(words).toEqual(expect.arrayContaining(['中试', '基金', '超硬']));
  for (const form of ['关于', '提案', '进一步', '加强', '建议', '尊敬', '领导', '王凤杰']) expect(words).not.toContain(form);
});

test('policy terms are words of their own, in the fingerprint and in what the search finds', () => {
  const words = distinctiveWords({ title: '关于培育专精特新企业的提案', content: '建设铝基新材料中试基地，落实研发费用加计扣除。', proposers: [] });
  expect(words).toEqual(expect.arrayContaining(['专精特新', '铝基', '新材料', '加计扣除']));
  for (const piece of ['专精', '特新', '铝基新']) expect(words).not.toContain(piece);
  expect(searchWords('专精特新')).toContain('专精特新');
});

test('a copy with any one word changed is a near copy; a text on another matter is not, nor far in bits', () => {
  const a = fingerprint('关于发展新材料产业的提案', TEXT);
  const same = () => 1;
  const words = segment(TEXT);
  for (let i = 0; i < words.length; i++) {
    const copy = fingerprint('关于发展新材料产业的建议', [...words.slice(0, i), '安家补贴', ...words.slice(i + 1)].join(''));
    expect([words[i], likeness(a, copy, same).nearCopy]).toEqual([words[i], true]);
  }
  const other = fingerprint('关于农村饮水安全的提案', '部分山区乡村供水设施老化，水质检测覆盖不足，旱季供水不稳定，建议实施农村供水提质改造工程。');
  expect(likeness(a, other, same).nearCopy).toBe(false);
  expect(hammingDistance(a.simHash, other.simHash)).toBeGreaterThan(2 * NEAR_COPY_BITS);
  expect(hammingDistance(a.simHash, a.simHash)).toBe(0);
});

test('rare shared words weigh more than common ones, and the shared words come rarest first', () => {
  const frequency: Record<string, number> = { 中试: 2, 超硬: 1, 产业: 900, 发展: 950 };
  const weight = (w: string) => rarity(frequency[w] ?? 50, 1000);
  const a = { words: ['中试', '超硬', '产业', '发展', '基金'], simHash: 0n };
  const rare = likeness(a, { words: ['中试', '超硬', '招商'], simHash: -1n }, weight);
  const common = likeness(a, { words: ['产业', '发展', '招商'], simHash: -1n }, weight);
  expect(rare.score).toBeGreaterThan(common.score);
  expect(rare.shared).toEqual(['超硬', '中试']);
  expect(rare.nearCopy).toBe(false);
  expect(likeness(a, a, weight)).toMatchObject({ score: expect.closeTo(1, 9), nearCopy: true });
});

test('near copies among many are found by their bands, each pair once, and nothing else', () => {
  const others = ['供水设施老化，水质检测覆盖不足。', '老旧小区加装电梯，物业管理缺位。', '乡村教师流失，职称评聘倾斜不够。', '停车位紧张，占道经营屡禁不止。'].map((t) => fingerprint('关于民生的提案', t));
  const copy = fingerprint('关于发展新材料产业的建议', TEXT.replace('住房补贴', '安家补贴'));
  const prints = [fingerprint('关于发展新材料产业的提案', TEXT), ...others, copy, fingerprint('关于发展新材料产业的意见', TEXT)];
  expect(nearCopyPairs(prints)).toEqual([
    [0, 5],
    [0, 6],
    [5, 6],
  ]);
  // Nothing in common, no pair: an empty text's hash says nothing.
  expect(nearCopyPairs([fingerprint('关于', ''), fingerprint('关于', '')])).toEqual([]);
});

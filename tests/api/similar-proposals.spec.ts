/**
 * 提案查重 through the API, on proposals filed and projected as any are: a near-verbatim copy in
 * the same session comes first and is marked so, a proposal on the same matter in other words
 * ranks above one on another matter, and a past session's proposal on the matter is listed with
 * what became of it. Committee only.
 */
import { referenceCase } from '../../seeds/reference-case';
import { http, useStack, waitFor } from '../support/api';

const c = referenceCase();
const ctx = useStack();

const MATTER =
  '三门峡市新材料产业基础较好，铝基新材料、铜基新材料和超硬材料在全省具有一定优势，但存在产业链条短、精深加工不足、研发平台少、高端人才缺乏等短板。' +
  '建议：一是编制新材料产业发展规划，围绕铝基、铜基、超硬材料延链补链；二是依托中原关键金属实验室建设中试基地和检测平台；' +
  '三是设立新材料产业发展基金，支持龙头企业技术改造；四是实施高层次人才引育计划，对引进的创新团队给予安家补贴。';
// The same text with a few words changed, as a second member files it.
const COPY = MATTER.replace('一定优势', '较强优势').replace('安家补贴', '住房补贴');
const SAME_MATTER_OTHER_WORDS =
  '我市铝基和铜基新材料企业多为初级加工，附加值不高。建议加快新材料中试基地建设，引导企业与高校院所共建研发平台，对新材料首批次应用给予保险补偿，培育新材料产业集群。';
const OTHER_MATTER = '部分山区乡村供水设施老化，水质检测覆盖不足，旱季供水不稳定。建议实施农村供水提质改造工程，建立水质定期检测和公示制度，落实管护经费和专职管护人员。';

const filing = async (number: number, title: string, content: string, session = c.intake.session) => {
  const res = await http(ctx.current, 'POST', '/proposals', { as: 'committee-clerk', body: { ...c.intake, session, number, title, content } });
  expect(res.status).toBe(201);
  return res.body as { proposalId: string; nearCopies?: { number: number }[] };
};
const file = async (...args: Parameters<typeof filing>) => (await filing(...args)).proposalId;

test('a near copy first and marked, the same matter in other words above another matter, a past session beside', async () => {
  const past = await file(3711, '关于发展壮大新材料产业的提案', SAME_MATTER_OTHER_WORDS + MATTER.slice(0, 60), { ...c.intake.session, id: 'smx-8-1', name: '八届一次会议' });
  expect((await http(ctx.current, 'POST', `/proposals/${past}/registration`, { as: 'committee-clerk', body: { review: { outcome: 'register' } } })).status).toBe(200);
  const original = await file(3712, '关于进一步着力发展新材料产业的提案', MATTER);
  const otherMatter = await file(3713, '关于加强农村饮水安全保障的提案', OTHER_MATTER);
  const sameMatter = await file(3714, '关于加快新材料中试基地建设的建议', SAME_MATTER_OTHER_WORDS);
  // The intake answer says when it is a near copy of one already in the read model.
  for (const id of [original, otherMatter, sameMatter]) {
    await waitFor(() => http(ctx.current, 'GET', `/proposals/${id}/similar`, { as: 'committee-clerk' }), (r) => r.status === 200);
  }
  const filedCopy = await filing(3715, '关于着力发展新材料产业的提案', COPY);
  expect(filedCopy.nearCopies).toEqual([{ proposalId: original, number: 3712, title: '关于进一步着力发展新材料产业的提案' }]);
  const copy = filedCopy.proposalId;

  const found = await waitFor(
    () => http(ctx.current, 'GET', `/proposals/${original}/similar`, { as: 'committee-clerk' }),
    (r) => r.status === 200 && r.body.thisSession.length >= 2 && r.body.pastSessions[0]?.status === 'registered',
  );
  const { thisSession, pastSessions } = found.body as { thisSession: { proposalId: string; nearCopy: boolean; score: number; sharedWords: string[] }[]; pastSessions: { proposalId: string; sessionName: string; status: string }[] };
  expect(thisSession[0]).toMatchObject({ proposalId: copy, nearCopy: true, mergeCandidate: true });
  // The words changed are rare in so small a store, and weigh: still far above the rest.
  expect(thisSession[0]!.score).toBeGreaterThan(0.8);
  expect(thisSession[0]!.score).toBeGreaterThan(2 * thisSession[1]!.score);
  // The words shared, the rarest first: the copy's own (延链 is in these two only), the matter's.
  expect(thisSession[0]!.sharedWords).toContain('延链');
  const rank = (id: string) => thisSession.findIndex((s) => s.proposalId === id);
  expect(rank(sameMatter)).toBe(1);
  expect(thisSession[1]).toMatchObject({ nearCopy: false, mergeCandidate: false, sharedWords: expect.arrayContaining(['中试', '铜基']) });
  // Another matter shares none of the distinctive words, or ranks last with a low score.
  expect(rank(otherMatter) === -1 || thisSession[rank(otherMatter)]!.score < 0.1).toBe(true);
  expect(pastSessions[0]).toMatchObject({ proposalId: past, sessionName: '八届一次会议', status: 'registered' });

  // Not for officers or proposers; a proposal not in the read model is 404; a bad limit names the field.
  expect((await http(ctx.current, 'GET', `/proposals/${original}/similar`, { as: 'drc-officer' })).status).toBe(403);
  expect((await http(ctx.current, 'GET', '/proposals/nope/similar', { as: 'committee-clerk' })).status).toBe(404);
  const bad = await http(ctx.current, 'GET', `/proposals/${original}/similar?limit=0`, { as: 'committee-clerk' });
  expect([bad.status, bad.body.errors[0].path]).toEqual([400, 'limit']);
});

/**
 * A session imported from the spreadsheet a submission system exports (.xlsx built with exceljs,
 * CSV, JSON): every row checked before anything is filed, each fault named by row and column, and
 * a repeated import filing nothing twice.
 */
import ExcelJS from 'exceljs';
import { referenceCase } from '../../seeds/reference-case';
import { http, useStack, waitFor } from '../support/api';

const c202 = referenceCase();
const ctx = useStack({ BODY_LIMIT: '2mb' });
const session = { id: 'smx-8-9', name: '八届九次会议', committee: c202.intake.session.committee };
const HEADER = ['提案号', '案由', '提案人', '领衔人', '类别', '内容', '重点提案'];
const good = (n: number) => [n, `关于第${n}项工作的提案`, '王凤杰、孙钰蓉', '王凤杰', '经济建设', `建议推进第${n}项工作。`, '否'];

async function xlsx(rows: unknown[][]): Promise<string> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('提案');
  sheet.addRow(HEADER);
  rows.forEach((r) => sheet.addRow(r));
  return Buffer.from(await book.xlsx.writeBuffer()).toString('base64');
}

const send = (body: object) => http(ctx.current, 'POST', '/imports', { as: 'committee-clerk', body, key: null });
/** Proposals of the session in the read model, once the projections of `expected` have landed. */
const filedIn = async (sessionId: string, expected: number) =>
  (await waitFor(() => http(ctx.current, 'GET', `/proposals?session=${sessionId}`, { as: 'committee-clerk' }), (r) => r.body.total === expected)).body.total;

test('a file with three bad rows names each by row and column, and files nothing', async () => {
  const rows = [good(1), [2, '', '王凤杰', '', '经济建设', '内容', '否'], good(3), [4, '关于四的提案', '无名氏', '', '经济建设', '内容', '否'], [5, '关于五的提案', '王凤杰', '', '经济建设', '内容', '也许']];
  const res = await send({ session, format: 'xlsx', file: await xlsx(rows) });
  expect([res.status, res.body.type]).toEqual([422, 'urn:proposals:problem:import-has-faults']);
  expect(res.body.errors).toEqual([
    { path: 'row 3, 案由', message: 'must not be empty' },
    { path: 'row 5, 提案人', message: '无名氏 is not in the directory of members' },
    { path: 'row 6, 重点提案', message: 'must be 是 or 否' },
  ]);
  expect(await filedIn(session.id, 0)).toBe(0);

  // Asked to, it files the good rows and lists the rest.
  const anyway = await send({ session, format: 'xlsx', file: await xlsx(rows), fileGoodRows: true });
  expect(anyway.status).toBe(200);
  expect(anyway.body.filed.map((f: { row: number; number: number }) => [f.row, f.number])).toEqual([[2, 1], [4, 3]]);
  expect(anyway.body.refused).toHaveLength(3);
});

test('CSV and JSON files are read the same way, and an import sent twice files each proposal once', async () => {
  const csvSession = { ...session, id: 'smx-8-8' };
  const csv = [HEADER, good(10), good(11)].map((r) => r.join(',')).join('\n');
  const first = await send({ session: csvSession, format: 'csv', file: Buffer.from(`\uFEFF${csv}`).toString('base64') });
  expect([first.status, first.body.filed.length]).toEqual([200, 2]);
  // The importer sees what it filed at once: the answer waited for the read model.
  expect((await http(ctx.current, 'GET', `/proposals?session=${csvSession.id}`, { as: 'committee-clerk' })).body.total).toBe(2);
  const again = await send({ session: csvSession, format: 'csv', file: Buffer.from(csv).toString('base64') });
  expect(again.body.filed).toEqual(first.body.filed);
  const view = await http(ctx.current, 'GET', `/proposals/${first.body.filed[0].proposalId}`, { as: 'committee-clerk' });
  expect(view.body.state.intake.proposers).toEqual([
    { id: 'wang-fengjie', name: '王凤杰', kind: 'member', leadSigner: true },
    { id: 'sun-yurong', name: '孙钰蓉', kind: 'member', leadSigner: false },
  ]);

  const json = [{ 提案号: 12, 案由: '关于十二的提案', 提案人: '李宝松', 类别: '社会事业', 内容: '建议。' }];
  const fromJson = await send({ session: csvSession, format: 'json', file: Buffer.from(JSON.stringify(json)).toString('base64') });
  expect(fromJson.body.filed.map((f: { number: number }) => f.number)).toEqual([12]);
  expect((await http(ctx.current, 'GET', `/proposals?session=${csvSession.id}`, { as: 'committee-clerk' })).body.total).toBe(3);

  const unreadable = await send({ session: csvSession, format: 'xlsx', file: Buffer.from('not a workbook').toString('base64') });
  expect([unreadable.status, unreadable.body.type]).toEqual([422, 'urn:proposals:problem:unreadable-file']);
  expect((await http(ctx.current, 'POST', '/imports', { as: 'drc-officer', body: { session, format: 'json', file: 'W10=' }, key: null })).status).toBe(403);
});

test('查重 within the file: a row copying an earlier one is reported beside what was filed', async () => {
  const dupSession = { ...session, id: 'smx-8-7' };
  const matter = '建议依托中原关键金属实验室建设铝基新材料中试基地，设立新材料产业发展基金，对引进的超硬材料创新团队给予安家补贴，培育新材料产业集群。';
  const rows = [
    [20, '关于发展新材料产业的提案', '王凤杰', '', '经济建设', matter, '否'],
    [21, '关于加强农村饮水安全的提案', '孙钰蓉', '', '社会事业', '部分山区乡村供水设施老化，水质检测覆盖不足，建议实施农村供水提质改造工程，落实管护经费。', '否'],
    [22, '关于加快新材料产业发展的建议', '李宝松', '', '经济建设', matter.replace('安家补贴', '住房补贴'), '否'],
  ];
  const res = await send({ session: dupSession, format: 'xlsx', file: await xlsx(rows) });
  expect(res.status).toBe(200);
  expect(res.body.filed).toHaveLength(3);
  expect(res.body.nearDuplicates).toEqual([{ row: 4, number: 22, sameAs: { row: 2, number: 20 } }]);
});

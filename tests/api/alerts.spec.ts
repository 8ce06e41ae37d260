/**
 * The alert feed and its live stream through the API, on compressed time: a co-handler's
 * opinion falls due in seconds and the unit hears of it.
 */
import { compressedPolicy } from '../../seeds/policy';
import { referenceCase } from '../../seeds/reference-case';
import { http, useStack } from '../support/api';
import { startProposal } from '../support/proposals';

const c202 = referenceCase();
const ctx = useStack();

/** Reads Server-Sent Events until `count` alert events have come, or the time is up. */
async function streamAlerts(as: string, count: number, seconds: number): Promise<{ id: string; kind: string; dutyKind: string }[]> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), seconds * 1000);
  const got: { id: string; kind: string; dutyKind: string }[] = [];
  try {
    const res = await fetch(`${ctx.current.base}/alerts/stream`, { headers: { authorization: `Bearer ${ctx.current.token(as)}` }, signal: controller.signal });
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const decoder = new TextDecoder();
    let buffer = '';
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      buffer += decoder.decode(chunk, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = block.split('\n').find((l) => l.startsWith('data: '));
        if (block.includes('event: alert') && data) got.push(JSON.parse(data.slice(6)));
      }
      if (got.length >= count) break;
    }
  } catch (err) {
    if ((err as Error).name !== 'AbortError') throw err;
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
  return got;
}

test("the Science Bureau's dashboard hears its opinion alerts as they are raised; the feed lists them; reading is per person and idempotent", async () => {
  // A proposal on compressed rules: the opinion is due 8 s after assignment (warning at 5 s).
  const handle = await startProposal(ctx.current.env.client, { ...c202.intake, number: 8202 }, compressedPolicy());
  const id = handle.workflowId;
  const listening = streamAlerts('stb-officer', 2, 25);
  await new Promise((r) => setTimeout(r, 300));
  await http(ctx.current, 'POST', `/proposals/${id}/registration`, { as: 'committee-clerk', body: { review: { outcome: 'register' } } });
  await http(ctx.current, 'POST', `/proposals/${id}/assignment`, { as: 'committee-clerk', body: { assignment: c202.assignment } });

  const streamed = await listening;
  expect(streamed.map((a) => `${a.dutyKind}:${a.kind}`)).toEqual(['coHandlerOpinion:warning', 'coHandlerOpinion:overdue']);

  const feed = await http(ctx.current, 'GET', '/alerts', { as: 'stb-officer' });
  expect(feed.status).toBe(200);
  expect(feed.body.items.map((a: { kind: string }) => a.kind)).toEqual(expect.arrayContaining(['warning', 'overdue']));
  expect(feed.body.items.every((a: { unitId: string; read: boolean }) => a.unitId === 'smx-stb' && !a.read)).toBe(true);
  // Another unit sees none of them; the committee sees them all.
  expect((await http(ctx.current, 'GET', '/alerts', { as: 'edu-officer' })).body.items).toEqual([]);
  const all = await http(ctx.current, 'GET', '/alerts', { as: 'committee-clerk' });
  expect(all.body.items.length).toBeGreaterThanOrEqual(feed.body.items.length);

  const first = streamed[0]!.id;
  const read = await http(ctx.current, 'POST', `/alerts/${first}/read`, { as: 'stb-officer' });
  const again = await http(ctx.current, 'POST', `/alerts/${first}/read`, { as: 'stb-officer' });
  expect([read.status, read.body.read, again.status, again.body.read]).toEqual([200, true, 200, true]);
  const unread = await http(ctx.current, 'GET', '/alerts?unread=true', { as: 'stb-officer' });
  expect(unread.body.items.map((a: { id: string }) => a.id)).not.toContain(first);
  expect((await http(ctx.current, 'POST', `/alerts/${first}/read`, { as: 'edu-officer' })).status).toBe(404);
  expect((await http(ctx.current, 'POST', '/alerts/abc/read', { as: 'stb-officer' })).status).toBe(404);
  await handle.terminate('test done');
});

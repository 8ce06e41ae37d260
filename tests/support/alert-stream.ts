/** The alert stream as a dashboard reads it: Server-Sent Events over HTTP. */
import type { Stack } from './api';

/** Reads Server-Sent Events until `count` alert events have come, or the time is up. */
export async function streamAlerts(stack: Pick<Stack, 'base' | 'token'>, as: string, count: number, seconds: number): Promise<{ id: string; kind: string; dutyKind: string }[]> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), seconds * 1000);
  const got: { id: string; kind: string; dutyKind: string }[] = [];
  try {
    const res = await fetch(`${stack.base}/alerts/stream`, { headers: { authorization: `Bearer ${stack.token(as)}` }, signal: controller.signal });
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

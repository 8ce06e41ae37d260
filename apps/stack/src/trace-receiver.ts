/**
 * A stand-in for a tracing backend (Jaeger, Tempo, an OpenTelemetry Collector) on loopback: takes
 * OTLP/HTTP in its JSON encoding, as the processes' exporter sends it, keeps the spans, and shows
 * one trace as a tree. The main job prints a request's trace with it; a test reads the links.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  service: string;
  /** Microseconds since the epoch: exact in a double, and printable. */
  startUs: number;
  endUs: number;
  attributes: Record<string, string | number | boolean>;
}

interface OtlpValue {
  stringValue?: string;
  intValue?: string | number;
  doubleValue?: number;
  boolValue?: boolean;
}
interface OtlpAttribute {
  key: string;
  value: OtlpValue;
}
interface OtlpExport {
  resourceSpans?: {
    resource?: { attributes?: OtlpAttribute[] };
    scopeSpans?: { spans?: { traceId: string; spanId: string; parentSpanId?: string; name: string; startTimeUnixNano: string; endTimeUnixNano: string; attributes?: OtlpAttribute[] }[] }[];
  }[];
}

const valueOf = (v: OtlpValue) => v.stringValue ?? (v.intValue !== undefined ? Number(v.intValue) : undefined) ?? v.doubleValue ?? v.boolValue ?? '';
const attributesOf = (list: OtlpAttribute[] = []) => Object.fromEntries(list.map((a) => [a.key, valueOf(a.value)]));

export function spansOf(body: OtlpExport): ReceivedSpan[] {
  return (body.resourceSpans ?? []).flatMap((r) => {
    const service = String(attributesOf(r.resource?.attributes)['service.name'] ?? '?');
    return (r.scopeSpans ?? []).flatMap((s) =>
      (s.spans ?? []).map((span) => ({
        traceId: span.traceId,
        spanId: span.spanId,
        ...(span.parentSpanId ? { parentSpanId: span.parentSpanId } : {}),
        name: span.name,
        service,
        startUs: Number(BigInt(span.startTimeUnixNano) / 1000n),
        endUs: Number(BigInt(span.endTimeUnixNano) / 1000n),
        attributes: attributesOf(span.attributes),
      })),
    );
  });
}

/** The spans of one trace as an indented tree, each with its service and duration, children by start. */
export function traceTree(spans: ReceivedSpan[]): string {
  const ids = new Set(spans.map((s) => s.spanId));
  const byStart = [...spans].sort((a, b) => a.startUs - b.startUs);
  const lines: string[] = [];
  const walk = (span: ReceivedSpan, depth: number) => {
    const ms = (span.endUs - span.startUs) / 1000;
    const statement = span.attributes['db.statement'];
    const detail = typeof statement === 'string' ? `  ${statement.replace(/\s+/g, ' ').slice(0, 60)}` : '';
    lines.push(`${'  '.repeat(depth)}${span.name}  [${span.service}] ${ms.toFixed(1)} ms${detail}`);
    for (const child of byStart.filter((s) => s.parentSpanId === span.spanId)) walk(child, depth + 1);
  };
  for (const root of byStart.filter((s) => !s.parentSpanId || !ids.has(s.parentSpanId))) walk(root, 0);
  return lines.join('\n');
}

/** The traces kept, newest last: enough for a session's work, bounded for a stack left running. */
const KEPT = 5000;

export async function startTraceReceiver(port = 0) {
  const traces = new Map<string, ReceivedSpan[]>();
  const keep = (span: ReceivedSpan) => {
    const trace = traces.get(span.traceId);
    if (trace) return void trace.push(span);
    traces.set(span.traceId, [span]);
    if (traces.size > KEPT) traces.delete(traces.keys().next().value!);
  };
  const server = http.createServer((req, res) => {
    if (req.method !== 'POST' || req.url !== '/v1/traces') return void res.writeHead(404).end();
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      try {
        spansOf(JSON.parse(body) as OtlpExport).forEach(keep);
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      } catch {
        res.writeHead(400).end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    /** For OTEL_EXPORTER_OTLP_ENDPOINT: the exporter posts to its /v1/traces. */
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    trace: (traceId: string) => traces.get(traceId) ?? [],
    /** Of the traces `matching` picks, the one whose first span arrived last, if any has. */
    latest: (matching: (spans: ReceivedSpan[]) => boolean) => [...traces.values()].reverse().find(matching),
    spanCount: () => [...traces.values()].reduce((n, t) => n + t.length, 0),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

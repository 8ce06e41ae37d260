/**
 * Traces (OpenTelemetry's Node SDK), on when an OTLP endpoint is configured by the SDK's own
 * variables (OTEL_EXPORTER_OTLP_ENDPOINT or OTEL_EXPORTER_OTLP_TRACES_ENDPOINT; OTEL_SDK_DISABLED
 * turns them off). One request is one trace: the HTTP server span, the client's Update, the
 * workflow's handling of it, the projection activity it leads to and that activity's SQL — the
 * context crossing Temporal in its headers (`@temporalio/interceptors-opentelemetry`).
 *
 * Started before the modules it instruments are loaded (`http`, `pg`), so each process's entry
 * point imports its tracing first.
 */
import type { Instrumentation } from '@opentelemetry/instrumentation';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { Resource } from '@opentelemetry/resources';
import { BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';
import type { WorkflowClientInterceptor } from '@temporalio/client';
import { OpenTelemetryWorkflowClientInterceptor } from '@temporalio/interceptors-opentelemetry/lib/client';
import { OpenTelemetryActivityInboundInterceptor, OpenTelemetryActivityOutboundInterceptor, makeWorkflowExporter } from '@temporalio/interceptors-opentelemetry/lib/worker';
import type { InjectedSinks, WorkerInterceptors } from '@temporalio/worker';
import type { OpenTelemetryWorkflowExporter } from '@temporalio/interceptors-opentelemetry/lib/workflow/definitions';

export type SpanSinks = InjectedSinks<{ exporter: OpenTelemetryWorkflowExporter }>;

export interface Tracing {
  readonly enabled: boolean;
  /** For each Temporal client of the process: its Updates, Signals and starts carry the caller's context. */
  readonly clientInterceptors: WorkflowClientInterceptor[];
  /** For a worker: its activities continue the context their scheduling carried, its workflows' spans are exported. */
  readonly worker: { interceptors: Pick<WorkerInterceptors, 'activity'>; sinks: SpanSinks };
  shutdown(): Promise<void>;
}

/**
 * The workflows' spans dropped: the bundle always carries the tracing interceptors (a worker's
 * configuration must not change its workflow code), and their sink must exist even untraced.
 */
export const untracedSpanSinks: SpanSinks = { exporter: { export: { fn: () => undefined, callDuringReplay: false } } };

export const tracingConfigured = (env: NodeJS.ProcessEnv = process.env): boolean =>
  env.OTEL_SDK_DISABLED !== 'true' && Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT);

const untraced: Tracing = { enabled: false, clientInterceptors: [], worker: { interceptors: {}, sinks: untracedSpanSinks }, shutdown: async () => undefined };

/**
 * Starts the SDK for `service` (its spans' service.name) with the `instrumentations` made beside
 * PostgreSQL's, if tracing is configured. Made only then: an instrumentation patches its module
 * as it is constructed, traced or not.
 */
export function startTracing(service: string, instrumentations: () => Instrumentation[] = () => [], env: NodeJS.ProcessEnv = process.env): Tracing {
  if (!tracingConfigured(env)) return untraced;
  const resource = new Resource({ [ATTR_SERVICE_NAME]: env.OTEL_SERVICE_NAME ?? service });
  const spans = new BatchSpanProcessor(new OTLPTraceExporter());
  // The pool's own connects and the read model's statements; a statement's text without its values.
  const sdk = new NodeSDK({ resource, spanProcessors: [spans], instrumentations: [...instrumentations(), new PgInstrumentation({ requireParentSpan: true })] });
  sdk.start();
  return {
    enabled: true,
    clientInterceptors: [new OpenTelemetryWorkflowClientInterceptor()],
    worker: {
      interceptors: { activity: [(ctx) => ({ inbound: new OpenTelemetryActivityInboundInterceptor(ctx), outbound: new OpenTelemetryActivityOutboundInterceptor(ctx) })] },
      sinks: { exporter: makeWorkflowExporter(spans, resource) },
    },
    shutdown: () => sdk.shutdown(),
  };
}

/**
 * What tracing costs the worker: proposal 202's life sent as Updates straight to proposals (no
 * API, no database: the projection answers at once), in alternating rounds to three workers on
 * one dev server — workflow code without the tracing interceptors, with them but exporting
 * nothing (the default: no OTLP endpoint), and exporting every span to a receiver on loopback.
 * Rounds alternate so the machine's drift falls on each alike; figures are each one's best round.
 */
import { propagation } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { Resource } from '@opentelemetry/resources';
import { BasicTracerProvider, BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { Client } from '@temporalio/client';
import { OpenTelemetryWorkflowClientInterceptor } from '@temporalio/interceptors-opentelemetry/lib/client';
import { OpenTelemetryActivityInboundInterceptor, makeWorkflowExporter } from '@temporalio/interceptors-opentelemetry/lib/worker';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker, type WorkerOptions } from '@temporalio/worker';
import { WORKFLOWS_PATH, workflowSources } from '../apps/worker/src/workflow-code';
import { startTraceReceiver } from '../apps/stack/src/trace-receiver';
import { defaultPolicy } from '../seeds/policy';
import { referenceCase } from '../seeds/reference-case';
import { referenceSteps } from '../seeds/reference-steps';
import { act, startProposal } from '../tests/support/proposals';
import { type Throughput, drive } from './lifecycle';

export interface TracingCost {
  rounds: number;
  proposalsPerRound: number;
  clients: number;
  untraced: Throughput;
  interceptorsIdle: Throughput;
  exporting: Throughput & { spans: number };
}

const activities = { projectProposal: async () => ({ applied: true }), reportProjectionRejected: async () => undefined };

export async function tracingCost(env: TestWorkflowEnvironment, rounds: number, proposalsPerRound: number, clients: number): Promise<TracingCost> {
  const receiver = await startTraceReceiver();
  const provider = new BasicTracerProvider({ resource: new Resource({ 'service.name': 'bench' }) });
  const spans = new BatchSpanProcessor(new OTLPTraceExporter({ url: `${receiver.endpoint}/v1/traces` }), { scheduledDelayMillis: 200 });
  provider.addSpanProcessor(spans);
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  const tracer = provider.getTracer('bench');
  const tracedClient = new Client({ connection: env.client.connection, interceptors: { workflow: [new OpenTelemetryWorkflowClientInterceptor({ tracer })] } });
  const traced = workflowSources({ exporter: makeWorkflowExporter(spans, provider.resource) });
  const setups: { name: keyof Pick<TracingCost, 'untraced' | 'interceptorsIdle' | 'exporting'>; options: Partial<WorkerOptions>; client: Client }[] = [
    { name: 'untraced', options: { workflowsPath: WORKFLOWS_PATH, bundlerOptions: workflowSources().bundlerOptions }, client: env.client },
    { name: 'interceptorsIdle', options: workflowSources(), client: env.client },
    { name: 'exporting', options: { ...traced, interceptors: { ...traced.interceptors, activity: [(ctx) => ({ inbound: new OpenTelemetryActivityInboundInterceptor(ctx, { tracer }) })] } }, client: tracedClient },
  ];
  const workers = await Promise.all(setups.map((s) => Worker.create({ connection: env.nativeConnection, taskQueue: `bench-tracing-${s.name}`, activities, maxCachedWorkflows: 200, ...s.options })));
  const running = workers.map((w) => w.run());
  const c = referenceCase();
  const best: Partial<Record<string, Throughput>> = {};
  let number = 30_000;
  try {
    for (let round = 0; round < rounds; round++) {
      for (const [i, setup] of setups.entries()) {
        const first = number;
        number += proposalsPerRound;
        const result = await drive(clients, proposalsPerRound, async (n, time) => {
          const intake = { ...c.intake, number: first + n };
          let handle!: Awaited<ReturnType<typeof startProposal>>;
          await time('intake', async () => Boolean((handle = await startProposal(setup.client, intake, defaultPolicy(), `bench-tracing-${setups[i]!.name}`))));
          for (const step of referenceSteps({ ...c, intake }, () => new Date(Date.now() - 1000).toISOString())) await time(step.command.type, async () => (await act(handle, step.command)).version > 0);
        });
        if (!best[setup.name] || result.actionsPerSecond > best[setup.name]!.actionsPerSecond) best[setup.name] = result;
      }
    }
    await spans.forceFlush();
    return { rounds, proposalsPerRound, clients, untraced: best.untraced!, interceptorsIdle: best.interceptorsIdle!, exporting: { ...best.exporting!, spans: receiver.spanCount() } };
  } finally {
    for (const w of workers) w.shutdown();
    await Promise.all(running);
    await provider.shutdown();
    await receiver.stop();
  }
}

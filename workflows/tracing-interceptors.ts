/**
 * OpenTelemetry's workflow interceptors, for the runs begun with them (patched 'tracing').
 *
 * Put in front of a run begun without them they change its replay: their `async` handlers add
 * microtask turns, so an Update's completion lands after the commands the main loop issues in the
 * same activation, not before as recorded (every stored history with search attributes failed
 * so). A run decides once, as it starts, and a run that started untraced passes every call
 * straight on, synchronously, as the SDK alone would. Their span ids draw on the workflow's
 * seeded random numbers, which validators (not run on replay) also draw on: proposal workflows
 * take no random number, and must not start to.
 */
import { patched, type WorkflowInterceptors } from '@temporalio/workflow';
import {
  OpenTelemetryInboundInterceptor,
  OpenTelemetryInternalsInterceptor,
  OpenTelemetryOutboundInterceptor,
} from '@temporalio/interceptors-opentelemetry/lib/workflow';

type Call = (input: unknown, next: (input: unknown) => unknown) => unknown;
type Calls = Record<string, Call>;

const callsOf = (kind: { prototype: object }) => Object.getOwnPropertyNames(kind.prototype).filter((name) => name !== 'constructor');

/** Each of `kind`'s calls, made by the traced interceptor when the run is traced, passed straight on when not. */
const gate = (kind: { prototype: object }, traced: () => Calls | undefined): Calls =>
  Object.fromEntries(
    callsOf(kind).map((name) => [
      name,
      (input, next) => {
        const interceptor = traced();
        return interceptor ? interceptor[name]!.call(interceptor, input, next) : next(input);
      },
    ]),
  );

export const interceptors = (): WorkflowInterceptors => {
  let traced: { inbound: Calls; outbound: Calls } | undefined;
  const inbound = gate(OpenTelemetryInboundInterceptor, () => traced?.inbound);
  const execute: Call = (input, next) => {
    if (patched('tracing')) traced = { inbound: new OpenTelemetryInboundInterceptor() as unknown as Calls, outbound: new OpenTelemetryOutboundInterceptor() as unknown as Calls };
    return inbound.execute!(input, next);
  };
  return {
    inbound: [{ ...inbound, execute } as never],
    outbound: [gate(OpenTelemetryOutboundInterceptor, () => traced?.outbound) as never],
    internals: [new OpenTelemetryInternalsInterceptor()],
  };
};

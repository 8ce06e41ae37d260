/**
 * The trace a change belongs to, kept until the change is projected. The projection is scheduled
 * from the workflow's main loop after the Update has answered, where the active context is the
 * run's, not the request's; scheduled within the kept one, its activity continues the request's
 * trace. OpenTelemetry's context only: no command, nothing a replay compares.
 */
import { type Context, context } from '@opentelemetry/api';

export const activeTrace = (): Context => context.active();

export const withinTrace = <T>(trace: Context, fn: () => Promise<T>): Promise<T> => context.with(trace, fn);

/**
 * The API's tracing, started as its entry point's first import (before `http` and `pg` are
 * loaded). A request's span is named by its route, as its metrics are.
 */
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { startTracing } from '../../common/tracing';
import { routeOf } from './http/route';

export const tracing = startTracing('proposal-api', () => [
  new HttpInstrumentation({
    // Prometheus' scrapes and the probes are not requests anyone follows.
    ignoreIncomingRequestHook: (req) => /^\/(metrics|healthz|readyz)\b/.test(req.url ?? ''),
    applyCustomAttributesOnSpan: (span, req) => {
      // Requests Express routed; not the process's own outgoing ones.
      if (!('baseUrl' in req)) return;
      const route = routeOf(req);
      span.setAttribute('http.route', route);
      span.updateName(`${req.method} ${route}`);
    },
  }),
]);

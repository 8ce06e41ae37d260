/**
 * A stand-in for the city's messaging gateway in the main job: receives the dispatcher's alert
 * webhooks on loopback, shows each once (deliveries are keyed by Idempotency-Key), answers 204.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedAlert {
  kind: string;
  level: number;
  audience: string;
  dutyKind: string;
  unitId: string | null;
  proposerId: string | null;
  dueDate: string;
}

export async function startWebhookReceiver(onAlert: (alert: ReceivedAlert) => void) {
  const seen = new Set<string>();
  const server = http.createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const key = String(req.headers['idempotency-key'] ?? '');
      if (!seen.has(key)) {
        seen.add(key);
        try {
          onAlert(JSON.parse(body) as ReceivedAlert);
        } catch {
          // not an alert: ignore it, but answer
        }
      }
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/alerts`,
    received: () => seen.size,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

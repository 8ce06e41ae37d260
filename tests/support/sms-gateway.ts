/**
 * A city SMS platform on loopback, checking each request as such a gateway does: a known access
 * key, a fresh timestamp and an unused nonce, the HMAC-SHA256 signature over method, path,
 * timestamp, nonce and the body's SHA-256, the registered signature and template, an 11-digit
 * mobile number and a message within 70 characters. It keys messages on outId, as gateways do.
 * Written from the gateway's side, apart from the adapter's code, so a drift in either is caught.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SmsGatewayAccount {
  accessKey: string;
  secret: string;
  signName: string;
  templateId: string;
}

export interface ReceivedSms {
  phone: string;
  /** As the phone shows it: 【signature】 and the template's text. */
  text: string;
  outId: string;
}

export async function startSmsGateway(account: SmsGatewayAccount) {
  const received: ReceivedSms[] = [];
  const refused: { status: number; code: string }[] = [];
  const nonces = new Set<string>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const answer = (status: number, code: string, extra: object = {}) => {
        if (code !== 'OK') refused.push({ status, code });
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ code, ...extra }));
      };
      const h = (name: string) => String(req.headers[name] ?? '');
      if (h('x-sms-access-key') !== account.accessKey) return answer(401, 'InvalidAccessKeyId');
      const age = Math.abs(Date.now() - Date.parse(h('x-sms-timestamp')));
      if (!(age < 300_000)) return answer(401, 'RequestExpired');
      if (!h('x-sms-nonce') || nonces.has(h('x-sms-nonce'))) return answer(401, 'NonceUsed');
      const expected = createHmac('sha256', account.secret)
        .update(`${req.method}\n${new URL(req.url ?? '/', 'http://gateway').pathname}\n${h('x-sms-timestamp')}\n${h('x-sms-nonce')}\n${createHash('sha256').update(body).digest('hex')}`)
        .digest();
      const given = Buffer.from(h('x-sms-signature'), 'base64');
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return answer(401, 'SignatureDoesNotMatch');
      nonces.add(h('x-sms-nonce'));
      const msg = JSON.parse(body) as { phoneNumbers: string; signName: string; templateId: string; templateParams: { content: string }; outId: string };
      if (msg.signName !== account.signName) return answer(400, 'InvalidSignName');
      if (msg.templateId !== account.templateId) return answer(400, 'InvalidTemplate');
      if (!/^1[3-9]\d{9}$/.test(msg.phoneNumbers)) return answer(400, 'InvalidPhoneNumber');
      const text = `【${msg.signName}】${msg.templateParams.content}`;
      if (text.length > 70) return answer(400, 'ContentTooLong');
      if (!received.some((r) => r.outId === msg.outId)) received.push({ phone: msg.phoneNumbers, text, outId: msg.outId });
      answer(200, 'OK', { bizId: msg.outId });
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/sms/send`,
    received,
    refused,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

/**
 * The city's SMS platform, as one adapter configured by its HTTP interface: the gateway's URL,
 * the access key and secret it signs requests with, the registered 短信签名 and template id.
 * Each request is signed as such gateways ask (HMAC-SHA256 over method, path, timestamp, nonce
 * and the body's digest), and carries the notice's id as outId, which the gateway keys on.
 */
import { createHash, createHmac, randomUUID } from 'node:crypto';
import type { NoticeSender } from './notice-delivery';

export interface SmsGatewaySettings {
  url: string;
  accessKey: string;
  secret: string;
  /** 短信签名, e.g. 【三门峡政协】: registered with the gateway, the first characters of every message. */
  signature: string;
  templateId: string;
}

/** The string a request's signature is made over; the gateway builds the same to check it. */
export function signingString(method: string, path: string, timestamp: string, nonce: string, body: string): string {
  return [method, path, timestamp, nonce, createHash('sha256').update(body).digest('hex')].join('\n');
}

export const signRequest = (secret: string, text: string) => createHmac('sha256', secret).update(text).digest('base64');

export function smsSender(settings: SmsGatewaySettings, timeoutMs = 10_000): NoticeSender {
  const url = new URL(settings.url);
  return async (n) => {
    // The signature is the gateway's to prefix: the template's one parameter is the text after it.
    const text = n.content.text.startsWith(settings.signature) ? n.content.text.slice(settings.signature.length) : n.content.text;
    const body = JSON.stringify({ phoneNumbers: n.address, signName: settings.signature.replace(/^【|】$/g, ''), templateId: settings.templateId, templateParams: { content: text }, outId: `notice-${n.id}` });
    const timestamp = new Date().toISOString();
    const nonce = randomUUID();
    const res = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-sms-access-key': settings.accessKey,
        'x-sms-timestamp': timestamp,
        'x-sms-nonce': nonce,
        'x-sms-signature': signRequest(settings.secret, signingString('POST', url.pathname, timestamp, nonce, body)),
      },
      body,
      signal: AbortSignal.timeout(timeoutMs),
    });
    const answer = (await res.json().catch(() => ({}))) as { code?: string; message?: string };
    if (!res.ok || answer.code !== 'OK') throw new Error(`the SMS gateway answered ${res.status} ${answer.code ?? ''} ${answer.message ?? ''}`.trim());
  };
}

/**
 * Email over SMTP (nodemailer, settings from the environment). The notice's id makes the
 * Message-ID, so a mail system sees a resend as the same message; a 催办通知书 goes as a PDF.
 */
import nodemailer from 'nodemailer';
import type { Pool } from 'pg';
import type { Notice, NoticeSender } from './notice-delivery';
import { supervisionNoticeFile } from './supervision-notice-file';

export interface EmailSettings {
  smtpUrl: string;
  from: string;
  /** The host part of each Message-ID. */
  messageIdDomain: string;
}

export function emailSender(pool: Pool, settings: EmailSettings): NoticeSender & { close(): void } {
  // Short timeouts: an unreachable server is a failed attempt retried later, not a held row.
  const transport = nodemailer.createTransport({ url: settings.smtpUrl, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 });
  const send = async (n: Notice) => {
    if (!('subject' in n.content)) throw new Error(`notice ${n.id} has no email content`);
    const attachments = n.content.supervisionNoticeOf ? [await supervisionNoticeFile(pool, n.content.supervisionNoticeOf)] : [];
    await transport.sendMail({
      from: settings.from,
      to: { name: n.recipientName, address: n.address },
      subject: n.content.subject,
      text: n.content.text,
      html: n.content.html,
      messageId: `<notice-${n.id}@${settings.messageIdDomain}>`,
      headers: { 'X-Notice-Source': n.source },
      attachments: attachments.map((a) => ({ filename: a.filename, content: a.file, contentType: 'application/pdf' })),
    });
  };
  return Object.assign(send, { close: () => transport.close() });
}

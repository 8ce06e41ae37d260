/**
 * How a person is reached outside the console: an email address, a mobile number, the channels
 * they want, and quiet hours in Beijing time when only an escalation may reach them. One schema
 * for the directory file, the committee's form, a person's own form and the dispatcher.
 */
import { z } from 'zod';
import { text } from '../../workflows/domain/contracts';

export const ChannelSchema = z.enum(['email', 'sms']);
export type Channel = z.infer<typeof ChannelSchema>;

const Clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time of day as HH:MM (Beijing time)');

/** From `from` until `to`, across midnight when `to` comes first; the same time twice is no quiet hours at all. */
export const QuietHoursSchema = z.strictObject({ from: Clock, to: Clock }).describe('Beijing time; past midnight when "to" is earlier than "from"; equal times mean none');
export type QuietHours = z.infer<typeof QuietHoursSchema>;

export const MobileSchema = z.string().regex(/^1[3-9]\d{9}$/, 'must be a mainland mobile number of 11 digits');
/**
 * An email address as mail systems take it (RFC 5321's limits: a local part of at most 64
 * characters, in dot-separated pieces, domain labels not ending in a hyphen), written as one
 * pattern that JSON Schema states and every client reads alike.
 */
const EMAIL = /^(?:[A-Za-z0-9_'+-]{1,15}\.){0,3}[A-Za-z0-9_'+-]{1,15}@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,30}[A-Za-z0-9])?\.){1,4}[A-Za-z]{2,20}$/;
const Email = z.string({ error: (issue) => (issue.input === undefined ? 'is required (null for none)' : undefined) }).regex(EMAIL, 'must be an email address').max(200);

/** Every field said, null where there is none: a PUT of a person's details replaces them whole. */
export const ContactDetailsSchema = z.strictObject({
  email: Email.nullable(),
  mobile: MobileSchema.nullable(),
  channels: z
    .array(ChannelSchema)
    .max(2)
    .refine((c) => new Set(c).size === c.length, 'must name each channel once')
    .meta({ uniqueItems: true, description: 'Each channel once; none: reached in the console only.' }),
  quietHours: QuietHoursSchema.nullable(),
});
export type ContactDetails = z.infer<typeof ContactDetailsSchema>;

/** 主要负责人 of a unit: who the 催办通知书 goes to when the escalation ladder reaches the head. */
export const UnitHeadSchema = z.strictObject({
  name: text(50),
  email: Email.nullable(),
  mobile: MobileSchema.nullable(),
});
export type UnitHead = z.infer<typeof UnitHeadSchema>;

const BEIJING_OFFSET_MIN = 8 * 60;
const minutesOf = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));

/**
 * When the quiet hours around `at` end, or null when `at` is outside them. Quiet hours may run
 * past midnight (22:00–07:30); China keeps no daylight saving, so Beijing is UTC+8 all year.
 */
export function quietUntil(quiet: QuietHours | null, at: Date): Date | null {
  if (!quiet || quiet.from === quiet.to) return null;
  const local = (at.getUTCHours() * 60 + at.getUTCMinutes() + BEIJING_OFFSET_MIN) % 1440;
  const from = minutesOf(quiet.from);
  const to = minutesOf(quiet.to);
  const inside = from < to ? local >= from && local < to : local >= from || local < to;
  if (!inside) return null;
  const untilEnd = (to - local + 1440) % 1440;
  const end = new Date(at.getTime() + untilEnd * 60_000);
  end.setUTCSeconds(0, 0);
  return end;
}

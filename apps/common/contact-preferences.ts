/**
 * How a person is reached outside the console: an email address, a mobile number, the channels
 * they want, and quiet hours in Beijing time when only an escalation may reach them. One schema
 * for the directory file, the committee's form, a person's own form and the dispatcher.
 */
import { z } from 'zod';

export const ChannelSchema = z.enum(['email', 'sms']);
export type Channel = z.infer<typeof ChannelSchema>;

const Clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time of day as HH:MM (Beijing time)');

export const QuietHoursSchema = z
  .strictObject({ from: Clock, to: Clock })
  .refine((q) => q.from !== q.to, { message: 'must differ from "from": quiet hours of no length, or of the whole day, are not quiet hours', path: ['to'] });
export type QuietHours = z.infer<typeof QuietHoursSchema>;

export const MobileSchema = z.string().regex(/^1[3-9]\d{9}$/, 'must be a mainland mobile number of 11 digits');
/** An address, or null; missing, it says so rather than that it is no address. */
const Email = z.email({ error: (issue) => (issue.input === undefined ? 'is required (null for none)' : 'must be an email address') }).max(200);

/** Every field said, null where there is none: a PUT of a person's details replaces them whole. */
export const ContactDetailsSchema = z.strictObject({
  email: Email.nullable(),
  mobile: MobileSchema.nullable(),
  channels: z
    .array(ChannelSchema)
    .max(2)
    .refine((c) => new Set(c).size === c.length, 'must name each channel once'),
  quietHours: QuietHoursSchema.nullable(),
});
export type ContactDetails = z.infer<typeof ContactDetailsSchema>;

/** 主要负责人 of a unit: who the 催办通知书 goes to when the escalation ladder reaches the head. */
export const UnitHeadSchema = z.strictObject({
  name: z.string().trim().min(1).max(50),
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
  if (!quiet) return null;
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

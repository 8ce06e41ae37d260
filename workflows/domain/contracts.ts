/**
 * The shapes of what people hand to the system: intake, assignment, contacts, reply drafts.
 * Each zod schema is the single source of its TypeScript type, the validation in the
 * workflow and (later) the HTTP contract. Workflow-safe: no Node or I/O imports.
 */
import { z } from 'zod';
import { SignerLevelSchema } from './vocabulary';

/**
 * Characters free text may not hold. (Nor an unpaired surrogate; a pattern cannot say that
 * portably, and a JSON generator draws whole characters anyway.)
 */
const NOT_TEXT = String.raw`\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f`;
/**
 * What `String.prototype.trim` removes, spelled out: `\s` means this in ECMAScript but only the
 * ASCII spaces to a validator reading the pattern as Python's `re.ASCII` does (schemathesis), which
 * would then send "\u3000" as text the API must take.
 */
const WHITE_SPACE = String.raw`\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff`;
/**
 * The same rules as one pattern for the OpenAPI document, so a client or a property-based tester
 * generating from it sends text the API takes: no forbidden character, and one that is not
 * white space (text is trimmed, and must not be empty then).
 */
const TEXT_PATTERN = String.raw`^[^${NOT_TEXT}]*[^${WHITE_SPACE}${NOT_TEXT}][^${NOT_TEXT}]*$`;

/** Free text that people type: printable, trimmed, bounded. Control characters are refused, not stripped. */
export const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1, 'must not be empty')
    // Counted in characters, as JSON Schema's maxLength counts them, not in UTF-16 units.
    .refine((s) => [...s].length <= max, `must be at most ${max} characters`)
    .refine((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s), 'must not contain control characters')
    // An unpaired surrogate cannot be stored (PostgreSQL's jsonb refuses it) nor shown.
    .refine((s) => !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s), 'must be well-formed Unicode (no unpaired surrogate)')
    .meta({ maxLength: max, pattern: TEXT_PATTERN });

export const Id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'must be 1-63 lowercase letters, digits or hyphens');

// Plain regexes rather than z.iso.*: inside Temporal's workflow bundle zod's ISO date schema
// resolves to its Date-object schema and refuses every string.
const realDate = (date: string) => {
  const d = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(date);
};
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
  .refine(realDate, 'must be a real calendar date')
  .meta({ format: 'date' });
export const Instant = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/, 'must be an ISO 8601 date-time with an offset')
  // Date.parse would roll 30 February over into March.
  .refine((s) => realDate(s.slice(0, 10)) && !Number.isNaN(Date.parse(s)), 'must be a real date-time')
  .meta({ format: 'date-time' });

export const SessionSchema = z.strictObject({
  /** Stable code used in identifiers, e.g. "smx-8-2" for Sanmenxia's 8th committee, 2nd session. */
  id: Id,
  name: text(100),
  committee: text(100),
});

export const ProposerSchema = z.strictObject({
  id: Id,
  name: text(50),
  kind: z.enum(['member', 'partyGroup', 'specialCommittee']),
  /** 领衔人: the lead signer of a joint proposal. */
  leadSigner: z.boolean().default(false),
});

export const IntakeSchema = z
  .strictObject({
    session: SessionSchema,
    number: z.number().int().min(1).max(99999),
    title: text(200),
    content: text(20000),
    category: text(50),
    proposers: z.array(ProposerSchema).min(1).max(100).meta({ description: 'Each proposer once: ids unique within the list.' }),
    /** 重点提案: key proposals may need the head of the unit to sign. */
    key: z.boolean().default(false),
  })
  .refine((p) => new Set(p.proposers.map((x) => x.id)).size === p.proposers.length, {
    message: 'proposer ids must be unique',
    path: ['proposers'],
  });

export const AssignmentSchema = z
  .discriminatedUnion('mode', [
    /** 主办 + 会办: one joint reply by the lead, countersigned by every co-handler; 协办 units send an opinion only. */
    z.strictObject({
      mode: z.literal('joint'),
      lead: Id,
      coHandlers: z.array(Id).max(20).default([]).meta({ uniqueItems: true, description: 'Distinct units, none of them the lead.' }),
      /** 协办: units that send the lead unit their opinion and do not countersign, where the policy sets roles per assignment. */
      assisting: z.array(Id).max(20).optional().meta({ uniqueItems: true, description: 'Distinct units, neither the lead nor a co-handler.' }),
    }),
    /** 分办: each unit replies on its own. */
    z.strictObject({ mode: z.literal('separate'), units: z.array(Id).min(2).max(20).meta({ uniqueItems: true }) }),
  ])
  .refine((a) => {
    const units = a.mode === 'joint' ? [a.lead, ...a.coHandlers, ...(a.assisting ?? [])] : a.units;
    return new Set(units).size === units.length;
  }, 'a unit may appear only once in an assignment');

export const ContactSchema = z.strictObject({
  form: z.enum(['faceToFace', 'phone', 'written', 'siteVisit']),
  /** 办前面商 / 办中沟通 / 办后回访 */
  phase: z.enum(['beforeHandling', 'duringHandling', 'afterReply']),
  occurredAt: Instant,
  participants: z.array(text(100)).min(1).max(50),
  summary: text(5000),
});

export const CommitmentSchema = z.strictObject({
  no: z.number().int().min(1).max(99),
  title: text(200),
  text: text(5000),
});

export const ReplySectionSchema = z.strictObject({
  heading: text(200),
  items: z.array(z.strictObject({ heading: text(200).optional(), text: text(10000) })).max(50),
});

export const ReplyDraftSchema = z
  .strictObject({
    /** The issuing units as free text (三门峡市发展和改革委员会 三门峡市科技局), for drafts under policies pinned before `coIssuers`. */
    issuingUnits: z.array(text(100)).min(1).max(20).optional(),
    /**
     * 联合答复: the co-handling units (会办) that issue the reply with the lead unit. The header and the
     * signature name the lead and each of them from the directory; each signs when it countersigns.
     */
    coIssuers: z.array(Id).min(1).max(20).optional().meta({ uniqueItems: true }),
    documentNumber: text(100),
    /** 对市政协八届二次会议第202号提案的答复 */
    titleLine: text(200).optional(),
    replyClass: z.string().regex(/^[A-Z]$/, 'must be one capital letter of the class scheme'),
    salutation: text(500),
    opening: text(5000),
    sections: z.array(ReplySectionSchema).min(1).max(20),
    /** The heading the numbered commitments stand under (二、下步工作计划). */
    commitmentsHeading: text(200).optional(),
    commitments: z.array(CommitmentSchema).max(50).meta({ description: 'Numbered 一是, 二是…: numbers unique within the list.' }),
    closing: text(2000),
    date: IsoDate,
    contactPerson: z.strictObject({ name: text(50), phone: z.string().regex(/^[0-9+\-() ]{5,30}$/, 'must be a phone number') }),
  })
  .refine((d) => new Set(d.commitments.map((c) => c.no)).size === d.commitments.length, {
    message: 'commitment numbers must be unique',
    path: ['commitments'],
  })
  .refine((d) => !d.coIssuers || new Set(d.coIssuers).size === d.coIssuers.length, { message: 'each co-issuing unit once', path: ['coIssuers'] })
  .refine((d) => !(d.coIssuers && d.issuingUnits), { message: 'name the co-issuing units by id (coIssuers) or as text (issuingUnits), not both', path: ['issuingUnits'] });

export const SignerSchema = z.strictObject({
  name: text(50),
  title: text(100),
  level: SignerLevelSchema,
});

export type Session = z.infer<typeof SessionSchema>;
export type Proposer = z.infer<typeof ProposerSchema>;
export type Intake = z.infer<typeof IntakeSchema>;
export type Assignment = z.infer<typeof AssignmentSchema>;
export type Contact = z.infer<typeof ContactSchema>;
export type Commitment = z.infer<typeof CommitmentSchema>;
export type ReplyDraft = z.infer<typeof ReplyDraftSchema>;
export type Signer = z.infer<typeof SignerSchema>;

/** 领衔人: the sole proposer, or the one a joint proposal names. */
export const leadSignerOf = (proposers: Proposer[]): Proposer | undefined => (proposers.length === 1 ? proposers[0] : proposers.find((p) => p.leadSigner));

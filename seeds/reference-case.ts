/**
 * The reference case, proposal 202, and the units and people who act on it, validated by the
 * same schemas as any input: a seed that drifts from the contracts fails here, not mid-run.
 */
import { z } from 'zod';
import { AssignmentSchema, ContactSchema, Id, IntakeSchema, ReplyDraftSchema, SignerSchema, text } from '../workflows/domain/contracts';
import { RatingSchema } from '../workflows/domain/vocabulary';
import { ContactDetailsSchema, UnitHeadSchema } from '../apps/common/contact-preferences';
import proposal202 from './proposal-202.json';
import directory from './directory.json';
import responsibilities from './unit-responsibilities.json';

export const UnitSchema = z.strictObject({ id: Id, name: text(100), kind: z.enum(['committee', 'bureau']), head: UnitHeadSchema.optional(), responsibilities: text(4000).optional() });
/** How a person is reached; left out, a reload keeps what the directory has. */
const reached = { contact: ContactDetailsSchema.optional() };
export const PersonSchema = z.discriminatedUnion('role', [
  z.strictObject({ id: Id, name: text(50), role: z.literal('committee'), ...reached }),
  z.strictObject({ id: Id, name: text(50), role: z.literal('officer'), unitId: Id, ...reached }),
  z.strictObject({ id: Id, name: text(50), role: z.literal('proposer'), ...reached }),
  z.strictObject({ id: Id, name: text(50), role: z.literal('leader'), ...reached }),
  z.strictObject({ id: Id, name: text(50), role: z.literal('supervisionOffice'), ...reached }),
]);
export type Unit = z.infer<typeof UnitSchema>;
export type Person = z.infer<typeof PersonSchema>;

export const DirectorySchema = z.strictObject({
  $comment: z.string().optional(),
  units: z.array(UnitSchema).min(1),
  people: z.array(PersonSchema).min(1),
});

export const ReferenceCaseSchema = z.strictObject({
  $comment: z.string().optional(),
  source: z.string(),
  /** The fields made up for the demonstration; everything else is from the real reply. */
  illustrative: z.array(z.string()),
  intake: IntakeSchema,
  assignment: AssignmentSchema,
  opinion: z.strictObject({ unitId: Id, text: text(20000) }),
  /** When a contact happened is set as the case runs. */
  contacts: z.array(z.strictObject({ unitId: Id, contact: ContactSchema.omit({ occurredAt: true }) })),
  draft: ReplyDraftSchema,
  signer: SignerSchema,
  /** Who signs for the co-issuing Science Bureau as it countersigns (联合答复: each head signs). */
  coSigner: SignerSchema,
  evaluations: z.array(z.strictObject({ proposerId: Id, rating: RatingSchema })),
  followUpReports: z.array(z.strictObject({ commitmentNo: z.number().int(), progress: text(5000), done: z.boolean() })),
});
export type ReferenceCase = z.infer<typeof ReferenceCaseSchema>;

export const referenceCase = (): ReferenceCase => ReferenceCaseSchema.parse(proposal202);
/** A unit's responsibilities as the seeds give them (unit-responsibilities.json), if they do. */
export const seededResponsibilities = (unitId: string): string | undefined => (responsibilities as Record<string, string>)[unitId];

export const seedDirectory = () => {
  const parsed = DirectorySchema.parse(directory);
  return { ...parsed, units: parsed.units.map((u) => ({ ...u, ...(seededResponsibilities(u.id) ? { responsibilities: seededResponsibilities(u.id) } : {}) })) };
};

/** The person seeded for a role (and unit), who acts for it in the reference case. */
export function personFor(role: Person['role'], unitId?: string): Person {
  const person = seedDirectory().people.find((p) => p.role === role && (unitId === undefined || (p.role === 'officer' && p.unitId === unitId)));
  if (!person) throw new Error(`no ${role} seeded${unitId ? ` for ${unitId}` : ''}`);
  return person;
}

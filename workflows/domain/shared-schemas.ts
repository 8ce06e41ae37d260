/**
 * The domain's zod schemas, made ready to be shared by every proposal a worker runs. A worker
 * evaluates the domain's modules once and shares them (the SDK's preloadModules) instead of once
 * per workflow; the SDK freezes what it shares, and zod computes some properties of a schema the
 * first time they are read, storing them on the schema: read here, before the freeze, they are
 * stored already.
 */
import * as annualSummary from './annual-summary';
import * as assessmentPolicy from './assessment-policy';
import * as calendar from './calendar';
import * as commands from './commands';
import * as contracts from './contracts';
import * as events from './events';
import * as policy from './policy';
import * as state from './state';
import * as vocabulary from './vocabulary';

interface Schema {
  _zod: Record<string, unknown> & { def: Record<string, unknown> };
}
const isSchema = (v: unknown): v is Schema => typeof v === 'object' && v !== null && '_zod' in v;

/**
 * Reads every property its prototypes compute (`shape`, `optin`, `propValues`…): zod installs
 * them as accessors that store the value on the object itself when first read.
 */
function readComputed(object: object): void {
  for (let proto = Object.getPrototypeOf(object); proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
    for (const [key, d] of Object.entries(Object.getOwnPropertyDescriptors(proto))) {
      if (!d.get) continue;
      try {
        void (object as Record<string, unknown>)[key];
      } catch {
        // A property that cannot be computed for this schema is not read in a workflow either.
      }
    }
  }
}

/**
 * zod resets a pattern's `lastIndex` before each check, which a frozen RegExp refuses: shared as a
 * proxy that cannot be frozen (the SDK leaves such objects as they are) and answers as the pattern.
 */
const unfrozen = (pattern: RegExp): RegExp =>
  new Proxy(pattern, {
    preventExtensions: () => false,
    get: (target, key) => {
      const v: unknown = Reflect.get(target, key, target);
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });

function ready(value: unknown, seen: Set<unknown>): void {
  if (typeof value !== 'object' || value === null || seen.has(value)) return;
  seen.add(value);
  if (Array.isArray(value)) return value.forEach((v) => ready(v, seen));
  if (!isSchema(value)) return Object.values(value).forEach((v) => ready(v, seen));
  // The schemas it is made of first (shape, options, inner types, items, checks, pipes' ends): its
  // first parse below compiles their patterns in.
  for (const part of Object.values(value._zod.def)) ready(part, seen);
  const def = value._zod.def as { pattern?: unknown };
  if (def.pattern instanceof RegExp) def.pattern = unfrozen(def.pattern);
  readComputed(value);
  readComputed(value._zod);
  // A schema's first parse settles how it parses (zod takes its recursion guard back out where
  // nothing can recur): any input reaches that step, twice to latch it.
  const parsing = value as unknown as { safeParse?: (v: unknown) => unknown };
  for (let i = 0; i < 2; i++) {
    try {
      parsing.safeParse?.(undefined);
    } catch {
      // A refinement that expects its type may throw on nothing; the step came before it.
    }
  }
}

function readySchemas(): void {
  const seen = new Set<unknown>();
  for (const module of [annualSummary, assessmentPolicy, calendar, commands, contracts, events, policy, state, vocabulary]) ready(module, seen);
}

readySchemas();

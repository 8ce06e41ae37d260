/** The API's configuration, from the environment, checked at start with a message naming each bad variable. */
import { z } from 'zod';
import { parseEnv } from '../../common/env';
import { DEFAULT_DATABASE_URL } from '../../common/database';

const EnvSchema = z.object({
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  TEMPORAL_ADDRESS: z.string().regex(/^[^:\s]+:\d+$/, 'must be host:port').default('127.0.0.1:7233'),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  DATABASE_URL: z.url().default(DEFAULT_DATABASE_URL),
  /** How long a request waits for Temporal before answering 503 with Retry-After. */
  TEMPORAL_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  /** HMAC key for bearer tokens: at least 32 characters. */
  API_TOKEN_SECRET: z.string().min(32, 'must be at least 32 characters'),
  /** Tokens living longer than this, or issued further in the future than the skew, are refused. */
  TOKEN_MAX_LIFETIME_SECONDS: z.coerce.number().int().min(60).max(30 * 86400).default(86400),
  TOKEN_CLOCK_SKEW_SECONDS: z.coerce.number().int().min(0).max(600).default(60),
  /** Where operators open Temporal's web UI: the committee's proposal pages link each workflow there. */
  TEMPORAL_UI_URL: z.url().optional(),
  /** The city's OpenID Connect provider, whose RS256 tokens are taken beside ours: issuer and JWKS address, both or neither. */
  OIDC_ISSUER: z.url().optional(),
  OIDC_JWKS_URL: z.url().optional(),
  OIDC_AUDIENCE: z.string().min(1).optional(),
  /** The claim of the provider's token that names the person in the directory. */
  OIDC_PRINCIPAL_CLAIM: z.string().min(1).default('sub'),
  /** Console sessions end after this long idle, and after the longest a working day needs. */
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
  SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(72).default(10),
  /** Failed sign-ins in a row that lock the account, and for how long. */
  SIGN_IN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  SIGN_IN_LOCK_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
  /** Sign-in attempts per minute from one address, whatever the account. */
  SIGN_IN_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(30),
  /** Secure cookies always; otherwise only when the request came over HTTPS (behind a proxy that says so). */
  COOKIE_SECURE: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  /** How long a read that names the versions its client saw (Seen-Versions) waits for the read model to reach them. */
  READ_YOUR_WRITES_MS: z.coerce.number().int().min(0).max(30_000).default(3_000),
  LOG_LEVEL: z.enum(['trace', 'debug', 'info', 'warn', 'error', 'silent']).default('info'),
  /** Largest accepted request body. */
  BODY_LIMIT: z.string().regex(/^\d+(kb|mb)$/, 'must be like 256kb or 1mb').default('256kb'),
}).refine((e) => (e.OIDC_ISSUER === undefined) === (e.OIDC_JWKS_URL === undefined), { message: 'give both or neither', path: ['OIDC_JWKS_URL'] });
export type ApiConfig = z.infer<typeof EnvSchema>;

export const readApiConfig = (env: NodeJS.ProcessEnv = process.env): ApiConfig => parseEnv(EnvSchema, 'API', env);

export const API_CONFIG = Symbol('API_CONFIG');

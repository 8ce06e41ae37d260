/**
 * `npm run token -- <principal-id> [hours]`: a bearer token signed with API_TOKEN_SECRET, for
 * operators and scripts; the API refuses one living longer than its TOKEN_MAX_LIFETIME_SECONDS.
 */
import { DEFAULT_TOKEN_LIMITS, mintToken } from './auth/tokens';

const [principalId, hours = '8'] = process.argv.slice(2);
const secret = process.env.API_TOKEN_SECRET;
const maxHours = DEFAULT_TOKEN_LIMITS.maxLifetimeSeconds / 3600;
if (!principalId || !secret || secret.length < 32 || !/^\d+$/.test(hours) || Number(hours) > maxHours) {
  console.error(`usage: API_TOKEN_SECRET=<32+ chars> npm run token -- <principal-id> [hours, at most ${maxHours}]`);
  process.exit(2);
}
void mintToken(principalId, secret, Number(hours) * 3600).then((token) => console.log(token));

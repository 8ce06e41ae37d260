/** `npm run token -- <principal-id> [hours]`: a bearer token signed with API_TOKEN_SECRET, for operators and scripts. */
import { mintToken } from './auth/tokens';

const [principalId, hours = '8'] = process.argv.slice(2);
const secret = process.env.API_TOKEN_SECRET;
if (!principalId || !secret || secret.length < 32 || !/^\d+$/.test(hours)) {
  console.error('usage: API_TOKEN_SECRET=<32+ chars> npm run token -- <principal-id> [hours]');
  process.exit(2);
}
console.log(mintToken(principalId, secret, Number(hours) * 3600));

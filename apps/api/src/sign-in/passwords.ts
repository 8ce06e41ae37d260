/** Passwords, kept only as argon2id hashes (the library's defaults: OWASP's minimum cost). */
import { hash, verify } from '@node-rs/argon2';
import type { Pool } from 'pg';

export const hashPassword = (password: string) => hash(password);

/** A hash to check against when the account does not exist, so a wrong account costs as long as a wrong password. */
const decoy = hash('not-a-password-of-anyone');

export async function passwordMatches(stored: string | null, password: string): Promise<boolean> {
  if (stored === null) {
    await verify(await decoy, password);
    return false;
  }
  return verify(stored, password);
}

/** Sets (or resets) a person's password; a reset also lifts a lock and ends their sessions. */
export async function setPassword(pool: Pool, principalId: string, password: string): Promise<boolean> {
  const { rowCount } = await pool.query('update principals set password_hash = $2, failed_sign_ins = 0, locked_until = null where id = $1', [principalId, await hashPassword(password)]);
  await pool.query('delete from console_sessions where principal_id = $1', [principalId]);
  return rowCount === 1;
}

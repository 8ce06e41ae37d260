/**
 * `npm run calendar -- <year.json>`: loads a year's holidays and make-up working days
 * ({ "year": 2027, "holidays": [...], "workingWeekends": [...] }), validated like the API's
 * PUT /calendar/years/{year}, as a new version when it differs, and tells the running proposals.
 */
import { Client, Connection } from '@temporalio/client';
import { DEFAULT_DATABASE_URL, createPool } from '../../common/database';
import { CalendarService } from '../../api/src/calendar/calendar.service';
import { CalendarYearSchema } from '../../../workflows/domain/calendar';
import { readValidated } from './json-file';

async function main() {
  const year = readValidated(CalendarYearSchema, process.argv[2], 'npm run calendar -- <year.json>   ({ "year": 2027, "holidays": [...], "workingWeekends": [...] })');
  const pool = createPool(process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL, 2);
  const connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233' });
  try {
    const client = new Client({ connection, namespace: process.env.TEMPORAL_NAMESPACE ?? 'default' });
    const loaded = await new CalendarService(client, pool).load({ role: 'committee', id: process.env.LOADED_BY ?? 'operator', name: 'operator' }, year);
    console.log(`${loaded.calendar} ${loaded.year}: version ${loaded.version}${loaded.changed ? '' : ' (unchanged)'}; ${loaded.runningProposalsTold} running proposal(s) being told${loaded.broadcast ? ` by ${loaded.broadcast}` : ''}`);
  } finally {
    await connection.close();
    await pool.end();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});

/** Every migration, in the order it is applied. Append; never edit one that has shipped. */
import readModel from './0001-read-model';

export interface Migration {
  id: string;
  sql: string;
}

export const migrations: Migration[] = [readModel];

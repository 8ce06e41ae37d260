/** Every migration, in the order it is applied. Append; never edit one that has shipped. */
import readModel from './0001-read-model';
import principals from './0002-principals-and-idempotency';
import alertOutbox from './0003-alert-outbox';
import calendarYears from './0004-calendar-years';
import searchIndexes from './0005-search-and-unit-indexes';
import idempotencyClaims from './0006-idempotency-claims';
import signIn from './0007-sign-in';
import leaders from './0008-leaders';
import assessmentSelections from './0009-assessment-selections';
import annualSummaries from './0010-annual-summaries';
import supervisionOffice from './0011-supervision-office';
import unitSuccessions from './0012-unit-successions';
import searchWords from './0013-search-words';
import proposalPolicy from './0014-proposal-policy';
import notices from './0015-notices';
import auditLog from './0016-audit-log';
import proposalFingerprints from './0017-proposal-fingerprints';
import unitResponsibilities from './0018-unit-responsibilities';
import vocabulary from './0019-vocabulary';

export interface Migration {
  id: string;
  sql: string;
}

export const migrations: Migration[] = [readModel, principals, alertOutbox, calendarYears, searchIndexes, idempotencyClaims, signIn, leaders, assessmentSelections, annualSummaries, supervisionOffice, unitSuccessions, searchWords, proposalPolicy, notices, auditLog, proposalFingerprints, unitResponsibilities, vocabulary];

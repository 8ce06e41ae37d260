import { Module } from '@nestjs/common';
import { ProposalsModule } from '../proposals/proposals.module';
import { SessionImportController } from './session-import.controller';
import { SessionImportService } from './session-import.service';

/** A session's proposals imported from the spreadsheet a submission system exports. */
@Module({ imports: [ProposalsModule], controllers: [SessionImportController], providers: [SessionImportService] })
export class SessionImportModule {}

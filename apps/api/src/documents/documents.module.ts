import { Module } from '@nestjs/common';
import { AlertsModule } from '../alerts/alerts.module';
import { ProposalsModule } from '../proposals/proposals.module';
import { DocumentsController, NoticesController } from './documents.controller';
import { DocumentsService } from './documents.service';

/** Official documents made from a proposal's record: the reply as Word and PDF, supervision notices as PDF. */
@Module({ imports: [ProposalsModule, AlertsModule], controllers: [DocumentsController, NoticesController], providers: [DocumentsService], exports: [DocumentsService] })
export class DocumentsModule {}

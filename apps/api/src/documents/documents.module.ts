import { Module } from '@nestjs/common';
import { ProposalsModule } from '../proposals/proposals.module';
import { DocumentsController } from './documents.controller';
import { DocumentsService } from './documents.service';

/** Official documents made from a proposal's record: the reply as Word and PDF. */
@Module({ imports: [ProposalsModule], controllers: [DocumentsController], providers: [DocumentsService] })
export class DocumentsModule {}

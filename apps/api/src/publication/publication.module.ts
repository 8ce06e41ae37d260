import { Module } from '@nestjs/common';
import { DocumentsModule } from '../documents/documents.module';
import { PublicationController } from './publication.controller';
import { PublicationService } from './publication.service';

/** 答复公开: the published replies of a session, and each published in full as its document. */
@Module({ imports: [DocumentsModule], controllers: [PublicationController], providers: [PublicationService] })
export class PublicationModule {}

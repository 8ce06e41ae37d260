import { Module } from '@nestjs/common';
import { NoticesController } from './notices.controller';
import { NoticesService } from './notices.service';

/** Notices by email and SMS, as the committee watches their delivery. */
@Module({ controllers: [NoticesController], providers: [NoticesService] })
export class NoticesModule {}

import { Module } from '@nestjs/common';
import { DirectoryController } from './directory.controller';
import { DirectoryService } from './directory.service';

/** The directory of units and people, kept from the console. */
@Module({ controllers: [DirectoryController], providers: [DirectoryService] })
export class DirectoryModule {}

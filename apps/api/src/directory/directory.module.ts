import { Module } from '@nestjs/common';
import { DirectoryController } from './directory.controller';
import { OwnContactController } from './own-contact.controller';
import { DirectoryService } from './directory.service';
import { ReorganisationService } from './reorganisation.service';

/** The directory of units and people, kept from the console, how each is reached, and its reorganisations (机构改革). */
@Module({ controllers: [DirectoryController, OwnContactController], providers: [DirectoryService, ReorganisationService] })
export class DirectoryModule {}

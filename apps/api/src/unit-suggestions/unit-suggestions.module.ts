import { Module } from '@nestjs/common';
import { UnitSuggestionsController } from './unit-suggestions.controller';

/** 智能交办: lead and co-handling units suggested for a proposal. */
@Module({ controllers: [UnitSuggestionsController] })
export class UnitSuggestionsModule {}

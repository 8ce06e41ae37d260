import { Module } from '@nestjs/common';
import { AssignmentBatchesController } from './assignment-batches.controller';
import { AssignmentBatchesService } from './assignment-batches.service';

/** The assignment meeting in one step: a plan applied to a whole session as a durable batch. */
@Module({ controllers: [AssignmentBatchesController], providers: [AssignmentBatchesService] })
export class AssignmentBatchesModule {}

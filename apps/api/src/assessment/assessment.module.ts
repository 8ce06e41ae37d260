import { Module } from '@nestjs/common';
import { SupervisionModule } from '../supervision/supervision.module';
import { AssessmentController } from './assessment.controller';
import { AssessmentService } from './assessment.service';

/** 考核: scoring the units of a session and recording the committee's selection. */
@Module({ imports: [SupervisionModule], controllers: [AssessmentController], providers: [AssessmentService] })
export class AssessmentModule {}

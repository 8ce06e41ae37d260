import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { CalendarYearSchema } from '../../../../workflows/domain/calendar';
import { CurrentPrincipal, Roles } from '../auth/auth.guard';
import type { Principal } from '../auth/principals';
import { CalendarYearBodySchema, CalendarYearParamSchema } from '../contracts';
import { parse } from '../http/parse';
import { CalendarService } from './calendar.service';

/** The holiday calendar: which years it covers, and loading a year's notice (committee). */
@Controller('calendar')
@Roles('committee')
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  @Get()
  overview() {
    return this.calendar.overview();
  }

  @Put('years/:year')
  load(@CurrentPrincipal() p: Principal, @Param() params: unknown, @Body() body: unknown) {
    const { year } = parse(CalendarYearParamSchema, params, 'path');
    const days = parse(CalendarYearBodySchema, body ?? {}, 'body');
    return this.calendar.load(p, parse(CalendarYearSchema, { year, ...days }, 'body'));
  }
}

import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CurrentPrincipal, Roles } from '../auth/auth.guard';
import type { Principal } from '../auth/principals';
import { SessionImportSchema } from '../contracts';
import { parse } from '../http/parse';
import { SessionImportService } from './session-import.service';

@Controller('imports')
export class SessionImportController {
  constructor(private readonly imports: SessionImportService) {}

  @Post()
  @HttpCode(200)
  @Roles('committee')
  run(@CurrentPrincipal() p: Principal, @Body() body: unknown) {
    return this.imports.import(p, parse(SessionImportSchema, body ?? {}, 'body'));
  }
}

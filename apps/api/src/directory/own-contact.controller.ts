import { Body, Controller, Get, Put } from '@nestjs/common';
import { CurrentPrincipal } from '../auth/auth.guard';
import type { Principal } from '../auth/principals';
import { ContactDetailsSchema } from '../../../common/contact-preferences';
import { parse } from '../http/parse';
import { DirectoryService } from './directory.service';

/** 通知设置: each person keeps how they are reached (the committee may set it too, in 人员与单位). */
@Controller('me/contact')
export class OwnContactController {
  constructor(private readonly directory: DirectoryService) {}

  @Get()
  get(@CurrentPrincipal() p: Principal) {
    return this.directory.contact(p.id);
  }

  @Put()
  put(@CurrentPrincipal() p: Principal, @Body() body: unknown) {
    // A PUT says the whole of it: no body is no details, not the defaults.
    return this.directory.putContact(p.id, parse(ContactDetailsSchema, body, 'body'));
  }
}

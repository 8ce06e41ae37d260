import { Module } from '@nestjs/common';
import { ConsoleSessions } from './console-sessions';
import { SignInController } from './sign-in.controller';
import { SignInService } from './sign-in.service';

/** Account and password sign-in for the console, with its sessions (which the auth guard reads). */
@Module({ controllers: [SignInController], providers: [ConsoleSessions, SignInService], exports: [ConsoleSessions] })
export class SignInModule {}

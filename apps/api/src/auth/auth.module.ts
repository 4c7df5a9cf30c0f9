import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { UsersModule } from '../users/users.module';
import { AdminAccountsService } from './admin-accounts.service';
import { AdminsRepository } from './admins.repository';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { JwtStrategy } from './jwt.strategy';
import { LoginCodesRepository } from './login-codes.repository';
import { PhoneLoginService } from './phone-login.service';
import { RefreshTokensRepository } from './refresh-tokens.repository';
import { RetentionService } from './retention.service';
import { SessionsService } from './sessions.service';

/** Phone login, admin credentials and sessions (JWT access + rotating refresh tokens). */
@Module({
  imports: [
    UsersModule,
    PassportModule,
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        secret: config.jwtSecret,
        signOptions: { algorithm: 'HS256' },
        verifyOptions: { algorithms: ['HS256'] },
      }),
    }),
  ],
  controllers: [AuthController],
  providers: [
    AuthService,
    PhoneLoginService,
    SessionsService,
    AdminAccountsService,
    JwtStrategy,
    LoginCodesRepository,
    RefreshTokensRepository,
    AdminsRepository,
    RetentionService,
  ],
  exports: [AuthService],
})
export class AuthModule {}

import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { AppConfigModule, type AppConfig } from '@app/config';
import { DatabaseModule } from '@app/database';
import { SmsModule } from '@app/sms';
import { AdminModule } from './admin/admin.module';
import { AdminEntity } from './auth/admin.entity';
import { AuthModule } from './auth/auth.module';
import { JwtAuthGuard, RolesGuard } from './auth/auth.guards';
import { LoginCodeEntity, LoginFailureEntity } from './auth/login-code.entity';
import { RefreshTokenEntity } from './auth/refresh-token.entity';
import { ProblemDetailsFilter } from './common/problem-details.filter';
import { createValidationPipe } from './common/validation.pipe';
import { HealthModule } from './health/health.module';
import { RateLimitModule } from './rate-limit/rate-limit.module';
import { ReferralsModule } from './referrals/referrals.module';
import { UserEntity } from './users/user.entity';
import { UsersModule } from './users/users.module';

/** Listed explicitly: globs break once the code is bundled or moved. */
export const ENTITIES = [UserEntity, LoginCodeEntity, LoginFailureEntity, RefreshTokenEntity, AdminEntity];

/**
 * The API. `forRoot()` reads the environment; tests pass a ready config. Cross-cutting
 * behaviour is registered here through DI (APP_*), so tests run the same pipeline as production.
 */
@Module({})
export class AppModule {
  static forRoot(config?: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        AppConfigModule.forRoot(config),
        DatabaseModule.forRoot({ entities: ENTITIES }),
        SmsModule,
        RateLimitModule,
        HealthModule,
        UsersModule,
        AuthModule,
        ReferralsModule,
        AdminModule,
      ],
      providers: [
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
        { provide: APP_GUARD, useClass: JwtAuthGuard },
        { provide: APP_GUARD, useClass: RolesGuard },
      ],
    };
  }
}

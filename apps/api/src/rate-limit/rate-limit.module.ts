import { Global, Module } from '@nestjs/common';
import { APP_CONFIG } from '@app/config';
import { IpRateLimitGuard } from './ip-rate-limit.guard';
import { RateLimitStore } from './rate-limit.store';
import { createRateLimitStore } from './redis-rate-limit.store';

/**
 * Per-IP request limits for the endpoints that guess secrets (admin passwords, login codes).
 * The contract's login-code issuing limits live in PostgreSQL instead (see PhoneLoginService).
 * With REDIS_URL the counters live in Redis and hold across all replicas; without it, in memory.
 */
@Global()
@Module({
  providers: [{ provide: RateLimitStore, inject: [APP_CONFIG], useFactory: createRateLimitStore }, IpRateLimitGuard],
  exports: [RateLimitStore, IpRateLimitGuard],
})
export class RateLimitModule {}

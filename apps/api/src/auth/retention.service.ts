import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { LoginCodesRepository } from './login-codes.repository';
import { RefreshTokensRepository } from './refresh-tokens.repository';

const HOUR_MS = 3_600_000;

/**
 * Login codes, wrong-guess records and dead refresh tokens are only needed for their windows
 * (an hour, a day, thirty days). An hourly purge keeps the tables small; several replicas doing
 * it at once is harmless (the deletes are idempotent).
 */
@Injectable()
export class RetentionService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Retention');
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly codes: LoginCodesRepository,
    private readonly refreshTokens: RefreshTokensRepository,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.purge().catch((error: Error) => this.logger.warn(`purge failed: ${error.message}`)), HOUR_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** Deletes what no rule looks at any more; returns how many rows went. */
  async purge(): Promise<number> {
    const removed =
      (await this.codes.deleteOlderThanADay()) + (await this.codes.deleteFailuresOlderThanADay()) + (await this.refreshTokens.deleteDead());
    if (removed > 0) this.logger.log(`purged ${removed} expired login and session rows`);
    return removed;
  }
}

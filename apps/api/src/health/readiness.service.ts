import { Injectable } from '@nestjs/common';
import { HealthCheckService, TypeOrmHealthIndicator, type HealthCheckResult } from '@nestjs/terminus';
import { ServiceUnavailableError } from '@app/common';
import { ShutdownState } from './shutdown-state';

/** Ready means: not shutting down, and the database answers within two seconds. */
@Injectable()
export class ReadinessService {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly shutdown: ShutdownState,
  ) {}

  async check(): Promise<HealthCheckResult> {
    if (this.shutdown.draining) throw new ServiceUnavailableError('The process is shutting down.');
    // Terminus reports a failed check by throwing its own 503; ours carries the contract's code.
    return this.health.check([() => this.database.pingCheck('database', { timeout: 2000 })]).catch(() => {
      throw new ServiceUnavailableError('The database does not answer.');
    });
  }
}

import { randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { hashPassword, verifyPassword } from '@app/common';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { AdminsRepository } from './admins.repository';
import { InvalidCredentialsError } from './auth.errors';

export interface AdminAccount {
  id: string;
  username: string;
}

/** Operator accounts: password sign-in and the first-run bootstrap of the embedded demo. */
@Injectable()
export class AdminAccountsService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Admin');
  /** Verified against when the username is unknown, so both failures take the same time. */
  private decoyHash: Promise<string> | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly admins: AdminsRepository,
  ) {}

  async authenticate(username: string, password: string): Promise<AdminAccount> {
    const admin = await this.admins.findByUsername(username);
    const hash = admin?.passwordHash ?? (await (this.decoyHash ??= hashPassword(randomBytes(16).toString('hex'))));
    const valid = await verifyPassword(hash, password);
    if (!admin || !valid) throw new InvalidCredentialsError();
    return { id: admin.id, username: admin.username };
  }

  async findById(id: string): Promise<AdminAccount | null> {
    const admin = await this.admins.findById(id);
    return admin ? { id: admin.id, username: admin.username } : null;
  }

  /**
   * `npm install && npm start` must give a usable console: on the embedded database, outside
   * production, with no admin yet, create `admin` with a random password and print it once.
   */
  async onApplicationBootstrap(): Promise<void> {
    if (this.config.databaseUrl || this.config.isProduction) return;
    if ((await this.admins.count()) > 0) return;
    const password = randomBytes(12).toString('base64url');
    await this.admins.upsert('admin', await hashPassword(password));
    this.logger.log('Created the first admin account (shown once; change it with `npm run cli -- create-admin`).');
    // Printed straight to the terminal, not through the logger, so log shipping never sees it.
    process.stdout.write(`\n  Admin console: username "admin", password "${password}"\n\n`);
  }
}

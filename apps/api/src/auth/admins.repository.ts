import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@app/database';
import { AdminEntity } from './admin.entity';

export interface AdminRecord {
  id: string;
  username: string;
  passwordHash: string;
}

@Injectable()
export class AdminsRepository {
  constructor(private readonly db: TransactionHost) {}

  findByUsername(username: string): Promise<AdminRecord | null> {
    return this.db.manager.findOne(AdminEntity, { where: { username }, select: { id: true, username: true, passwordHash: true } });
  }

  findById(id: string): Promise<AdminRecord | null> {
    return this.db.manager.findOne(AdminEntity, { where: { id }, select: { id: true, username: true, passwordHash: true } });
  }

  count(): Promise<number> {
    return this.db.manager.count(AdminEntity);
  }

  /** Creates the admin or resets its password; true when it was created. */
  async upsert(username: string, passwordHash: string): Promise<boolean> {
    const rows: { created: boolean }[] = await this.db.manager.query(
      `INSERT INTO admins (username, password_hash) VALUES ($1, $2)
       ON CONFLICT (username) DO UPDATE SET password_hash = EXCLUDED.password_hash, updated_at = now()
       RETURNING (xmax = 0) AS created`,
      [username, passwordHash],
    );
    return rows[0]?.created === true;
  }
}

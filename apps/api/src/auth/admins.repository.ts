import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@app/database';

export interface AdminRecord {
  id: string;
  username: string;
  passwordHash: string;
}

@Injectable()
export class AdminsRepository {
  constructor(private readonly db: TransactionHost) {}

  async findByUsername(username: string): Promise<AdminRecord | null> {
    return this.findOne('username = $1', username);
  }

  async findById(id: string): Promise<AdminRecord | null> {
    return this.findOne('id = $1', id);
  }

  async count(): Promise<number> {
    const rows: { total: string }[] = await this.db.manager.query(`SELECT count(*) AS total FROM admins`);
    return Number(rows[0]?.total ?? 0);
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

  private async findOne(condition: string, value: string): Promise<AdminRecord | null> {
    const rows: { id: string; username: string; password_hash: string }[] = await this.db.manager.query(
      `SELECT id, username, password_hash FROM admins WHERE ${condition}`,
      [value],
    );
    const row = rows[0];
    return row ? { id: row.id, username: row.username, passwordHash: row.password_hash } : null;
  }
}

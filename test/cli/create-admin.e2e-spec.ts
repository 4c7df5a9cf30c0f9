import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import argon2 from 'argon2';
import { createAdmin } from '../../apps/cli/src/commands/create-admin.command';
import { UsageError } from '../../apps/cli/src/cli-errors';
import { captureIo, openCliDatabase, type CliDatabase } from './cli-harness';

interface AdminRow {
  id: string;
  password_hash: string;
  created_at: Date;
  updated_at: Date;
}

describe('cli create-admin', () => {
  let cli: CliDatabase;
  const first = 'first-Pa55word';
  const second = 'second-Pa55word';

  beforeAll(async () => {
    cli = await openCliDatabase();
  });

  afterAll(async () => {
    await cli.close();
  });

  async function admins(username: string): Promise<AdminRow[]> {
    return (await cli.dataSource.query(`SELECT id, password_hash, created_at, updated_at FROM admins WHERE username = $1`, [username])) as AdminRow[];
  }

  async function addRefreshToken(subjectId: string, role: 'user' | 'admin'): Promise<string> {
    const id = randomUUID();
    await cli.dataSource.query(
      `INSERT INTO refresh_tokens (id, family_id, subject_id, role, token_hash, expires_at)
       VALUES ($1, $2, $3, $4, $5, now() + interval '30 days')`,
      [id, randomUUID(), subjectId, role, randomUUID().replace(/-/g, '').padEnd(64, '0')],
    );
    return id;
  }

  it('creates the admin on a fresh database, storing only an argon2id hash of the password', async () => {
    const io = captureIo();
    await expect(createAdmin(cli.dataSource, { username: 'boss', password: first }, io)).resolves.toBe('created');
    expect(io.out()).toBe('Admin "boss" created.\n');
    const [admin, ...others] = await admins('boss');
    expect(others).toEqual([]);
    expect(admin!.password_hash).toMatch(/^\$argon2id\$/);
    expect(await argon2.verify(admin!.password_hash, first)).toBe(true);
    expect(`${io.out()}${io.err()}`).not.toContain(first);
  });

  it('resets the password of an existing admin and signs out its sessions', async () => {
    const [before] = await admins('boss');
    const adminSession = await addRefreshToken(before!.id, 'admin');
    const unrelatedSession = await addRefreshToken(randomUUID(), 'admin');
    const io = captureIo();
    await expect(createAdmin(cli.dataSource, { username: 'boss', password: second }, io)).resolves.toBe('reset');
    expect(io.out()).toBe('Admin "boss" password reset.\n');
    expect(`${io.out()}${io.err()}`).not.toContain(second);

    const rows = await admins('boss');
    expect(rows).toHaveLength(1);
    expect(rows[0]!.id).toBe(before!.id);
    expect(await argon2.verify(rows[0]!.password_hash, second)).toBe(true);
    expect(await argon2.verify(rows[0]!.password_hash, first)).toBe(false);
    expect(rows[0]!.updated_at.getTime()).toBeGreaterThan(rows[0]!.created_at.getTime());

    const revoked = (await cli.dataSource.query(`SELECT id, revoked_at FROM refresh_tokens ORDER BY id`)) as { id: string; revoked_at: Date | null }[];
    expect(revoked.find((row) => row.id === adminSession)?.revoked_at).toBeInstanceOf(Date);
    expect(revoked.find((row) => row.id === unrelatedSession)?.revoked_at).toBeNull();
  });

  it.each([
    ['', 'the password is empty'],
    ['short12', 'at least 8 characters'],
  ])('refuses the password %j and leaves the stored one alone', async (password, message) => {
    const [before] = await admins('boss');
    const io = captureIo();
    const attempt = createAdmin(cli.dataSource, { username: 'boss', password }, io);
    await expect(attempt).rejects.toThrow(UsageError);
    await expect(attempt).rejects.toThrow(message);
    expect(io.out()).toBe('');
    expect((await admins('boss'))[0]!.password_hash).toBe(before!.password_hash);
  });

  it('refuses a short password for a new admin without creating it', async () => {
    await expect(createAdmin(cli.dataSource, { username: 'newbie', password: 'abc' }, captureIo())).rejects.toThrow(UsageError);
    expect(await admins('newbie')).toEqual([]);
  });

  it('keeps admins apart: a second username is a second account', async () => {
    const io = captureIo();
    await expect(createAdmin(cli.dataSource, { username: 'auditor', password: first }, io)).resolves.toBe('created');
    const [{ count }] = (await cli.dataSource.query(`SELECT count(*)::int AS count FROM admins`)) as [{ count: number }];
    expect(count).toBe(2);
  });
});

import { hashPassword } from '@app/common';
import type { DataSource } from 'typeorm';
import type { CliCommand, CliIo } from '../cli-command';
import { UsageError } from '../cli-errors';
import { resolveAdminPassword, validateAdminPassword } from '../password-prompt';
import { applyPendingMigrations } from './migrate.command';

/** The `admins.username` column is varchar(150). */
const MAX_USERNAME_LENGTH = 150;

export interface CreateAdminOptions {
  username: string;
  /** From `--password`; when absent the password is asked for or read from ADMIN_PASSWORD. */
  password: string | undefined;
}

// One statement decides create-or-reset, so two concurrent runs cannot both "create".
// `xmax = 0` holds only for a row this statement inserted (an updated row carries our xid).
const UPSERT_ADMIN = `
  INSERT INTO admins (username, password_hash) VALUES ($1, $2)
  ON CONFLICT (username) DO UPDATE SET password_hash = EXCLUDED.password_hash, updated_at = now()
  RETURNING id, (xmax = 0) AS created`;

// A reset usually means the old password leaked: its sessions must not outlive it.
const REVOKE_ADMIN_SESSIONS = `
  UPDATE refresh_tokens SET revoked_at = now()
  WHERE subject_id = $1 AND role = 'admin' AND revoked_at IS NULL`;

export function normalizeUsername(raw: string | boolean | undefined): string {
  const username = typeof raw === 'string' ? raw.trim() : '';
  if (username.length === 0) throw new UsageError('--username is required and must not be blank', 'create-admin');
  if (username.length > MAX_USERNAME_LENGTH) {
    throw new UsageError(`--username must be at most ${MAX_USERNAME_LENGTH} characters`, 'create-admin');
  }
  if (/\p{Cc}/u.test(username)) throw new UsageError('--username must not contain control characters', 'create-admin');
  return username;
}

/**
 * Creates the admin, or sets a new password (argon2id) on an existing one and revokes its
 * refresh tokens. Applies pending migrations first, so it works on a brand-new database.
 */
export async function createAdmin(
  dataSource: DataSource,
  input: { username: string; password: string },
  io: Pick<CliIo, 'stdout' | 'stderr'>,
): Promise<'created' | 'reset'> {
  validateAdminPassword(input.password);
  await applyPendingMigrations(dataSource, io.stderr);
  const passwordHash = await hashPassword(input.password);
  const outcome = await dataSource.transaction(async (manager) => {
    const [row] = (await manager.query(UPSERT_ADMIN, [input.username, passwordHash])) as { id: string; created: boolean }[];
    if (!row!.created) await manager.query(REVOKE_ADMIN_SESSIONS, [row!.id]);
    return row!.created ? 'created' : 'reset';
  });
  io.stdout.write(outcome === 'created' ? `Admin "${input.username}" created.\n` : `Admin "${input.username}" password reset.\n`);
  return outcome;
}

export const createAdminCommand: CliCommand<CreateAdminOptions> = {
  name: 'create-admin',
  summary: "Create an admin, or reset an existing admin's password.",
  usage: '--username NAME [--password PASS]',
  description: [
    'Creates the admin NAME, or sets a new password if NAME exists (and signs out its sessions).',
    'Without --password it asks twice, hidden, when a terminal is attached, and otherwise reads',
    `ADMIN_PASSWORD. Passwords need at least 8 characters; they are stored as argon2id hashes.`,
    'Prefer the prompt or ADMIN_PASSWORD: a --password value stays in the shell history.',
  ],
  options: {
    username: { type: 'string', valueName: 'NAME', description: 'The admin to create or reset (up to 150 characters).' },
    password: { type: 'string', valueName: 'PASS', description: 'The new password (at least 8 characters).' },
  },
  toOptions(values) {
    const password = values.password;
    return { username: normalizeUsername(values.username), password: typeof password === 'string' ? password : undefined };
  },
  async run(options, context) {
    // Ask before opening the database: a typo in the password should not cost an embedded start.
    const password = await resolveAdminPassword(options.password, context.io, context.env);
    await createAdmin(await context.database(), { username: options.username, password }, context.io);
  },
};

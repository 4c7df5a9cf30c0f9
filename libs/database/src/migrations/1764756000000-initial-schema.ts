import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The whole schema. Every rule that must hold under concurrency is a constraint here:
 * one account per phone, unique invite codes, one pending login code per phone, one
 * activation per user (`referrer_id` is written once, by a conditional UPDATE).
 */
export class InitialSchema1764756000000 implements MigrationInterface {
  name = 'InitialSchema1764756000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);

    await db.query(`
      CREATE TABLE users (
        id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        phone           varchar(16) NOT NULL,
        invite_code     char(6) NOT NULL,
        referrer_id     uuid REFERENCES users (id) ON DELETE RESTRICT,
        activated_at    timestamptz,
        referrals_count integer NOT NULL DEFAULT 0,
        created_at      timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT users_phone_key UNIQUE (phone),
        CONSTRAINT users_invite_code_key UNIQUE (invite_code),
        CONSTRAINT users_phone_e164 CHECK (phone ~ '^\\+[1-9][0-9]{6,14}$'),
        CONSTRAINT users_invite_code_alphabet CHECK (invite_code ~ '^[0-9A-HJKMNP-TV-Z]{6}$'),
        CONSTRAINT users_no_self_referral CHECK (referrer_id IS NULL OR referrer_id <> id),
        CONSTRAINT users_activation_complete CHECK ((referrer_id IS NULL) = (activated_at IS NULL)),
        CONSTRAINT users_referrals_count_positive CHECK (referrals_count >= 0)
      )`);
    // Referrals of one code, in activation order (both directions are served by one index).
    await db.query(`CREATE INDEX users_referrer_activated_idx ON users (referrer_id, activated_at, id) WHERE referrer_id IS NOT NULL`);
    // Admin users table, newest first, keyset-paginated.
    await db.query(`CREATE INDEX users_created_idx ON users (created_at, id)`);
    // Daily activation counts for the dashboard.
    await db.query(`CREATE INDEX users_activated_at_idx ON users (activated_at) WHERE activated_at IS NOT NULL`);
    // Top referrers.
    await db.query(`CREATE INDEX users_referrals_count_idx ON users (referrals_count DESC, id) WHERE referrals_count > 0`);
    // Admin search by any run of phone digits.
    await db.query(`CREATE INDEX users_phone_trgm_idx ON users USING gin (phone gin_trgm_ops)`);

    await db.query(`
      CREATE TABLE login_codes (
        id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        phone          varchar(16) NOT NULL,
        code_hash      char(64) NOT NULL,
        client_ip      varchar(45) NOT NULL,
        attempts       integer NOT NULL DEFAULT 0,
        created_at     timestamptz NOT NULL DEFAULT now(),
        expires_at     timestamptz NOT NULL,
        consumed_at    timestamptz,
        invalidated_at timestamptz,
        CONSTRAINT login_codes_attempts_positive CHECK (attempts >= 0)
      )`);
    // At most one live code per phone: asking for a new code invalidates the previous one.
    await db.query(`CREATE UNIQUE INDEX login_codes_one_live_per_phone ON login_codes (phone) WHERE consumed_at IS NULL AND invalidated_at IS NULL`);
    await db.query(`CREATE INDEX login_codes_phone_created_idx ON login_codes (phone, created_at)`);
    await db.query(`CREATE INDEX login_codes_ip_created_idx ON login_codes (client_ip, created_at)`);

    await db.query(`
      CREATE TABLE login_failures (
        id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        phone     varchar(16) NOT NULL,
        failed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX login_failures_phone_failed_idx ON login_failures (phone, failed_at)`);

    await db.query(`
      CREATE TABLE admins (
        id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        username      varchar(150) NOT NULL,
        password_hash text NOT NULL,
        created_at    timestamptz NOT NULL DEFAULT now(),
        updated_at    timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT admins_username_key UNIQUE (username)
      )`);

    await db.query(`
      CREATE TABLE refresh_tokens (
        id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        family_id   uuid NOT NULL,
        subject_id  uuid NOT NULL,
        role        varchar(8) NOT NULL,
        token_hash  char(64) NOT NULL,
        created_at  timestamptz NOT NULL DEFAULT now(),
        expires_at  timestamptz NOT NULL,
        used_at     timestamptz,
        revoked_at  timestamptz,
        CONSTRAINT refresh_tokens_token_hash_key UNIQUE (token_hash),
        CONSTRAINT refresh_tokens_role_known CHECK (role IN ('user', 'admin'))
      )`);
    await db.query(`CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE refresh_tokens`);
    await db.query(`DROP TABLE admins`);
    await db.query(`DROP TABLE login_failures`);
    await db.query(`DROP TABLE login_codes`);
    await db.query(`DROP TABLE users`);
  }
}

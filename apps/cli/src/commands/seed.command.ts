import { generateInviteCode } from '@app/common';
import type { DataSource } from 'typeorm';
import type { CliCommand, CliIo } from '../cli-command';
import { UsageError } from '../cli-errors';
import { parseFraction, parseWholeNumber } from '../command-line';
import { formatCount, formatDuration, ProgressReporter, ratePerSecond } from '../progress';
import { planSeed, type RandomSource, type SeedPlan } from '../seed/seed-plan';
import { SeedWriter, type IdentitySource } from '../seed/seed-writer';
import { inTransaction, type SqlSession } from '../seed/sql-session';
import { syntheticPhone } from '../seed/synthetic-phone';
import { applyPendingMigrations } from './migrate.command';

export const MAX_SEED_USERS = 10_000_000;
export const DEFAULT_REFERRAL_RATE = 0.6;
/** Big enough that round trips vanish next to the work, small enough for pg's array encoding. */
export const DEFAULT_BATCH_SIZE = 25_000;

export interface SeedOptions {
  users: number;
  referralRate: number;
}

/** Knobs for tests: a smaller batch exercises cross-batch referrals, fixed identities force collisions. */
export interface SeedTuning {
  batchSize?: number;
  identities?: IdentitySource;
  random?: RandomSource;
}

export interface SeedSummary {
  users: number;
  activations: number;
  /** Rows retried because their phone, invite code or id was already taken. */
  collisions: number;
  /** Users whose stored referrals_count differed from the real count and was fixed. */
  countsCorrected: number;
  elapsedMs: number;
}

const DEFAULT_IDENTITIES: IdentitySource = { phone: () => syntheticPhone(), inviteCode: generateInviteCode };

/**
 * Adds `users` synthetic users (spread over the last 90 days) and activations by earlier users,
 * in one transaction, batch-inserted through arrays; then recomputes every referrals count.
 */
export async function seed(
  dataSource: DataSource,
  options: SeedOptions,
  io: Pick<CliIo, 'stdout' | 'stderr'>,
  tuning: SeedTuning = {},
): Promise<SeedSummary> {
  await applyPendingMigrations(dataSource, io.stderr);
  const started = Date.now();
  // Times come from the database's clock, so "not in the future" holds there whatever ours says.
  const [{ now_ms: nowMs }] = (await dataSource.query(
    `SELECT floor(extract(epoch FROM clock_timestamp()) * 1000)::float8 AS now_ms`,
  )) as [{ now_ms: number }];
  const plan = planSeed(options.users, options.referralRate, nowMs, tuning.random);
  const { collisions, countsCorrected } = await inTransaction(dataSource, (sql) => writePlan(sql, plan, io, tuning));
  // Fresh statistics, so the API's first queries on the new data get sensible plans.
  await dataSource.query('ANALYZE users');
  const summary = { users: plan.size, activations: plan.activations, collisions, countsCorrected, elapsedMs: Date.now() - started };
  printSummary(summary, io);
  return summary;
}

async function writePlan(sql: SqlSession, plan: SeedPlan, io: Pick<CliIo, 'stderr'>, tuning: SeedTuning) {
  const batchSize = tuning.batchSize ?? DEFAULT_BATCH_SIZE;
  const writer = new SeedWriter(sql, plan, tuning.identities ?? DEFAULT_IDENTITIES);
  const progress = new ProgressReporter(io.stderr, 'Seeding users', plan.size);
  try {
    for (let start = 0; start < plan.size; start += batchSize) {
      const end = Math.min(plan.size, start + batchSize);
      await writer.writeBatch(start, end);
      progress.advance(end - start);
    }
  } finally {
    progress.finish();
  }
  // Seconds at a million users, after the bar is full: say so rather than look stuck.
  io.stderr.write('Recomputing referrals counts, committing and refreshing statistics…\n');
  return { collisions: writer.collisions, countsCorrected: await writer.recomputeReferralCounts() };
}

function printSummary(summary: SeedSummary, io: Pick<CliIo, 'stdout' | 'stderr'>): void {
  if (summary.collisions > 0) {
    io.stderr.write(`Retried ${formatCount(summary.collisions)} rows whose phone or invite code was already taken.\n`);
  }
  if (summary.countsCorrected > 0) {
    io.stderr.write(`Corrected referrals_count on ${formatCount(summary.countsCorrected)} users.\n`);
  }
  const rate = ratePerSecond(summary.users, summary.elapsedMs);
  io.stdout.write(
    `Seeded ${formatCount(summary.users)} users (${formatCount(summary.activations)} activated) ` +
      `in ${formatDuration(summary.elapsedMs)}, ${formatCount(rate)} users/s.\n`,
  );
}

export const seedCommand: CliCommand<SeedOptions> = {
  name: 'seed',
  summary: 'Fill the database with synthetic users and activations.',
  usage: '--users N [--referral-rate R]',
  description: [
    'Adds N users with random Russian mobile numbers (+79…) and invite codes, signed up over the',
    'last 90 days. A share R of them activated the code of a user who signed up before them.',
    'Runs in one transaction (all or nothing) and can be run again: it only ever adds users.',
  ],
  options: {
    users: { type: 'string', valueName: 'N', description: `How many users to add (1 to ${formatCount(MAX_SEED_USERS)}).` },
    'referral-rate': {
      type: 'string',
      valueName: 'R',
      description: `Share of them who activated an earlier user's code, 0 to 1 (default ${DEFAULT_REFERRAL_RATE}).`,
    },
  },
  toOptions(values) {
    if (values.users === undefined) throw new UsageError('--users is required', 'seed');
    const rate = values['referral-rate'];
    return {
      users: parseWholeNumber(values.users, 'users', 1, MAX_SEED_USERS, 'seed'),
      referralRate: rate === undefined ? DEFAULT_REFERRAL_RATE : parseFraction(rate, 'referral-rate', 'seed'),
    };
  },
  async run(options, context) {
    await seed(await context.database(), options, context.io);
  },
};

import { existsSync, readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';
import type { CliEnvironment } from './cli-command';

type Env = Record<string, string | undefined>;

/**
 * The server reads `.env` through @nestjs/config; the CLI passes a ready config to
 * AppConfigModule (to control migrations), which skips that step, so it merges the file here
 * the same way: variables already in the environment win over the file.
 */
export function withDotEnv(env: Env, path = '.env'): Env {
  if (!existsSync(path)) return env;
  return { ...parseEnv(readFileSync(path, 'utf8')), ...env };
}

/** The CLI's own keys (the server has no use for them), read once at the entry point. */
export function readCliEnvironment(env: Env): CliEnvironment {
  return { adminPassword: env.ADMIN_PASSWORD };
}

import { existsSync, readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';

type Env = Record<string, string | undefined>;

/**
 * The environment with a `.env` file (if there is one) merged underneath it: variables already
 * set win over the file, as with Docker and systemd. Read once, at an entry point.
 */
export function withDotEnv(env: Env, path = '.env'): Env {
  if (!existsSync(path)) return env;
  return { ...parseEnv(readFileSync(path, 'utf8')), ...env };
}

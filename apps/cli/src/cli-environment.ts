import type { CliEnvironment } from './cli-command';

type Env = Record<string, string | undefined>;

/** The CLI's own keys (the server has no use for them), read once at the entry point. */
export function readCliEnvironment(env: Env): CliEnvironment {
  return { adminPassword: env.ADMIN_PASSWORD };
}

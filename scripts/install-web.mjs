// Installs the SPA's dependencies (web/ has its own lockfile) as part of the root install,
// so `npm install` (or CI's `npm ci`) is the only install command anyone needs.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

if (!existsSync('web/package.json')) process.exit(0);
const command = process.env.npm_command === 'ci' || !existsSync('web/node_modules') ? 'ci' : 'install';
const result = spawnSync('npm', [command, '--prefix', 'web', '--no-audit', '--no-fund'], { stdio: 'inherit' });
process.exit(result.status ?? 1);

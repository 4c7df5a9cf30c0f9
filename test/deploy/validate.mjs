#!/usr/bin/env node
// Static checks of the deployment files: docker-compose.yml (with Debian's `docker-compose config`
// when it is installed, and structurally either way), the Dockerfile, .dockerignore and .env.example
// against the keys the server really reads (libs/config/src/app-config.ts).
//
//   node test/deploy/validate.mjs          (also run by test/topology/run.mjs)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Harness, assert, assertEqual } from '../topology/lib/harness.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const read = (file) => readFileSync(join(ROOT, file), 'utf8');

/** Placeholder secrets so `${VAR:?}` interpolation succeeds; never used for anything else. */
const FAKE_ENV = { POSTGRES_PASSWORD: 'validate-only', JWT_SECRET: 'validate-only-'.padEnd(48, 'x') };

/** Every environment key loadAppConfig() reads, taken from its source so the list cannot go stale. */
export function serverEnvKeys() {
  const source = read('libs/config/src/app-config.ts');
  const keys = new Set();
  for (const match of source.matchAll(/\benv\.([A-Z][A-Z0-9_]+)/g)) keys.add(match[1]);
  for (const match of source.matchAll(/read\.\w+\(\s*'([A-Z][A-Z0-9_]+)'/g)) keys.add(match[1]);
  for (const match of source.matchAll(/'(TWILIO_[A-Z_]+)'/g)) keys.add(match[1]);
  return [...keys].sort();
}

function loadYaml() {
  try {
    return createRequire(join(ROOT, 'package.json'))('js-yaml');
  } catch {
    return null;
  }
}

function dockerCompose(args) {
  return spawnSync('docker-compose', ['-f', join(ROOT, 'docker-compose.yml'), '--env-file', join(ROOT, '.env.example'), ...args], {
    cwd: ROOT,
    env: { ...process.env, ...FAKE_ENV },
    encoding: 'utf8',
  });
}

function hasDockerCompose() {
  return spawnSync('docker-compose', ['version'], { encoding: 'utf8' }).status === 0;
}

/** The compose model: resolved by docker-compose when available, else the raw file parsed. */
function composeModel(yaml, useCli) {
  if (useCli) {
    const result = dockerCompose(['config']);
    if (result.status !== 0) throw new Error(`docker-compose config failed:\n${result.stderr}`);
    return yaml.load(result.stdout);
  }
  return yaml.load(read('docker-compose.yml'));
}

function dependsOn(service, name) {
  const deps = service.depends_on ?? {};
  return Array.isArray(deps) ? { condition: 'service_started', listed: deps.includes(name) } : { ...deps[name], listed: name in deps };
}

function environmentOf(service) {
  const env = service.environment ?? {};
  if (!Array.isArray(env)) return env;
  return Object.fromEntries(env.map((line) => [line.split('=')[0], line.split('=').slice(1).join('=')]));
}

function portsOf(service) {
  return (service.ports ?? []).map((port) => (typeof port === 'string' ? port : `${port.host_ip ?? ''}:${port.published}:${port.target}`));
}

async function checkCompose(t) {
  const yaml = loadYaml();
  const useCli = hasDockerCompose();

  if (useCli) {
    await t.check('docker-compose config -q accepts docker-compose.yml with .env.example', () => {
      const result = dockerCompose(['config', '-q']);
      assert(result.status === 0, `exit ${result.status}: ${result.stderr}`);
    });
    await t.check('docker-compose refuses to start without POSTGRES_PASSWORD and JWT_SECRET', () => {
      const dir = mkdtempSync(join(tmpdir(), 'compose-env-'));
      const empty = join(dir, 'empty.env');
      writeFileSync(empty, '');
      const result = spawnSync('docker-compose', ['-f', join(ROOT, 'docker-compose.yml'), '--env-file', empty, 'config', '-q'], {
        cwd: ROOT,
        env: Object.fromEntries(Object.entries(process.env).filter(([key]) => !(key in FAKE_ENV))),
        encoding: 'utf8',
      });
      rmSync(dir, { recursive: true, force: true });
      assert(result.status !== 0 && /POSTGRES_PASSWORD|JWT_SECRET/.test(result.stderr), `expected a refusal, got exit ${result.status}`);
    });
  } else {
    t.skip('docker-compose config -q', 'docker-compose is not installed (apt-get install -y --no-install-recommends docker-compose); structural checks only');
  }
  if (!yaml) {
    t.skip('compose structure', 'js-yaml is not resolvable from the project');
    return;
  }

  const model = composeModel(yaml, useCli);
  const services = model.services ?? {};
  await t.check('compose declares db, redis, migrate, api, web and adminer', () => {
    assertEqual(Object.keys(services).sort(), ['adminer', 'api', 'db', 'migrate', 'redis', 'web'], 'services');
  });
  await t.check('db is PostgreSQL 17 with a named volume and a health check', () => {
    const db = services.db;
    assertEqual(db.image, 'postgres:17', 'db.image');
    const volumes = (db.volumes ?? []).map((v) => (typeof v === 'string' ? v.split(':')[0] : v.source));
    assert(volumes.some((v) => v in (model.volumes ?? {})), `db has no named volume: ${JSON.stringify(db.volumes)}`);
    assert(db.healthcheck?.test, 'db has no healthcheck');
  });
  await t.check('redis has a health check', () => assert(services.redis.healthcheck?.test, 'redis has no healthcheck'));
  await t.check('migrate runs the CLI migration once, after the database is healthy', () => {
    const migrate = services.migrate;
    assertEqual([].concat(migrate.command).join(' ').replace(/[[\]",]/g, ''), 'node dist/apps/cli/src/main.js migrate', 'migrate.command');
    assertEqual(dependsOn(migrate, 'db').condition, 'service_healthy', 'migrate waits for db');
    assert(!['always', 'unless-stopped'].includes(migrate.restart), 'a one-shot must not restart');
  });
  await t.check('api: two replicas after a successful migration, production settings', () => {
    const api = services.api;
    assertEqual(api.deploy?.replicas, 2, 'api.deploy.replicas');
    assertEqual(dependsOn(api, 'migrate').condition, 'service_completed_successfully', 'api waits for migrate');
    assertEqual(dependsOn(api, 'db').condition, 'service_healthy', 'api waits for db');
    const env = environmentOf(api);
    assertEqual(env.NODE_ENV, 'production', 'NODE_ENV');
    assertEqual(String(env.MIGRATE_ON_START), 'false', 'MIGRATE_ON_START');
    assert(/^redis:\/\//.test(env.REDIS_URL ?? ''), 'REDIS_URL must point at the redis service');
    assert(env.TRUST_PROXY, 'TRUST_PROXY must name the compose network');
    assert(api.ports === undefined, 'api replicas must not publish host ports (nginx is the entry)');
  });
  await t.check('api: demo SMS by default (OTP_DEMO=true, SMS_PROVIDER=console)', () => {
    const env = environmentOf(services.api);
    if (useCli) {
      assertEqual(String(env.OTP_DEMO), 'true', 'OTP_DEMO');
      assertEqual(env.SMS_PROVIDER, 'console', 'SMS_PROVIDER');
    } else {
      assert(/:-true\}$/.test(env.OTP_DEMO), 'OTP_DEMO must default to true');
      assert(/:-console\}$/.test(env.SMS_PROVIDER), 'SMS_PROVIDER must default to console');
    }
  });
  await t.check('api and migrate pass every key the server reads', () => {
    for (const name of ['api', 'migrate']) {
      const env = environmentOf(services[name]);
      const missing = serverEnvKeys().filter((key) => !(key in env));
      assert(missing.length === 0, `${name} lacks ${missing.join(', ')}`);
    }
  });
  await t.check('web is nginx built from this Dockerfile on port 8000; adminer on 127.0.0.1:8181', () => {
    const web = services.web;
    assertEqual(web.build?.target, 'web', 'web.build.target');
    assert(portsOf(web).some((p) => /(^|:)8000:80(\/tcp)?$/.test(p)), `web ports ${JSON.stringify(web.ports)}`);
    assert(portsOf(services.adminer).some((p) => /^127\.0\.0\.1:8181:8080(\/tcp)?$/.test(p)), `adminer ports ${JSON.stringify(services.adminer.ports)}`);
    assert(portsOf(services.db).length === 0 && portsOf(services.redis).length === 0, 'db and redis must not be published');
  });
}

async function checkDockerfile(t) {
  const text = read('Dockerfile');
  const lines = text.split('\n').filter((line) => line.trim() && !line.trim().startsWith('#'));
  const stages = [];
  for (const line of lines) {
    const from = /^FROM\s+(\S+)(?:\s+AS\s+(\S+))?/i.exec(line);
    if (from) stages.push({ image: from[1], name: from[2], lines: [] });
    else stages.at(-1)?.lines.push(line);
  }
  const stage = (name) => stages.find((s) => s.name === name);

  await t.check('Dockerfile: build, deps, web and api stages; api is the default target', () => {
    assertEqual(stages.map((s) => s.name), ['build', 'deps', 'web', 'api'], 'stages');
  });
  await t.check('Dockerfile: the build stage runs npm ci and npm run build', () => {
    const body = stage('build').lines.join('\n');
    assert(/RUN npm ci\b/.test(body) && /RUN npm run build\b/.test(body), body);
  });
  await t.check('Dockerfile: the runtime has production dependencies only, without install scripts', () => {
    assert(/npm ci --omit=dev --ignore-scripts/.test(stage('deps').lines.join('\n')), 'deps stage');
    const api = stage('api').lines.join('\n');
    assert(/COPY --from=deps \/app\/node_modules/.test(api), 'api must take node_modules from deps');
    assert(!/web\/node_modules/.test(api), 'api must not need web/node_modules');
  });
  await t.check('Dockerfile: api runs as a non-root user, health-checks readiness, starts main.js', () => {
    const api = stage('api').lines;
    const user = api.filter((line) => /^USER\s/.test(line)).at(-1);
    assert(user && !/^USER\s+(root|0)(:|\s|$)/.test(user), `USER: ${user}`);
    assert(api.some((line) => /^HEALTHCHECK/.test(line)) && /\/api\/health\/ready/.test(api.join('\n')), 'no readiness HEALTHCHECK');
    assertEqual(api.filter((line) => /^CMD/.test(line)).at(-1), 'CMD ["node", "dist/apps/api/src/main.js"]', 'CMD');
  });
  await t.check('Dockerfile: every COPY source exists and is not excluded by .dockerignore', () => {
    const ignored = read('.dockerignore').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#') && !l.startsWith('!'));
    for (const line of lines.filter((l) => /^COPY\s/.test(l) && !/--from=/.test(l))) {
      const parts = line.split(/\s+/).slice(1).filter((p) => !p.startsWith('--'));
      for (const source of parts.slice(0, -1)) {
        if (source === '.') continue;
        assert(existsSync(join(ROOT, source)), `${line}: ${source} does not exist`);
        const top = source.replace(/\/$/, '');
        assert(!ignored.includes(top) && !ignored.includes(top.split('/')[0]), `${line}: ${source} is in .dockerignore`);
      }
    }
  });
}

async function checkEnvExample(t) {
  const text = read('.env.example');
  const documented = new Set([...text.matchAll(/^#?\s?([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]));
  await t.check('.env.example documents every key the server reads', () => {
    const missing = serverEnvKeys().filter((key) => !documented.has(key));
    assert(missing.length === 0, `undocumented: ${missing.join(', ')}`);
  });
  await t.check('.env.example documents every variable docker-compose.yml interpolates', () => {
    const yamlWithoutComments = read('docker-compose.yml').replace(/^\s*#.*$/gm, '');
    const used = new Set([...yamlWithoutComments.matchAll(/\$\{([A-Z][A-Z0-9_]+)/g)].map((m) => m[1]));
    const missing = [...used].filter((key) => !documented.has(key));
    assert(missing.length === 0, `undocumented: ${missing.join(', ')}`);
  });
  await t.check('.env.example holds no secret values', () => {
    for (const key of ['JWT_SECRET', 'POSTGRES_PASSWORD', 'TWILIO_AUTH_TOKEN']) {
      const line = new RegExp(`^${key}=(.*)$`, 'm').exec(text);
      assert(!line || line[1].trim() === '', `${key} has a value`);
    }
  });
}

export async function validateDeployment(t) {
  t.section('deployment files');
  await checkCompose(t);
  await checkDockerfile(t);
  await checkEnvExample(t);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const t = new Harness();
  await validateDeployment(t);
  t.summary();
  process.exit(t.failed ? 1 : 0);
}

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

// The layering of STYLE.md, checked on every import: app → features → components | lib,
// features never import each other, and nothing imports server code.
const SRC = resolve(__dirname, '..');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return /\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)].map((match) => match[1] ?? '');
  return specifiers
    .filter((specifier) => specifier.startsWith('.'))
    .map((specifier) => relative(SRC, resolve(join(file, '..'), specifier)).split(sep).join('/'));
}

function area(path: string): string {
  const [top, second] = path.split('/');
  return top === 'features' ? `features/${second}` : (top ?? '');
}

const sources = files(SRC).filter((file) => !file.includes(`${sep}test${sep}`));

describe('architecture', () => {
  it('keeps features independent of each other and of the app shell', () => {
    const offences: string[] = [];
    for (const file of sources) {
      const from = area(relative(SRC, file).split(sep).join('/'));
      if (!from.startsWith('features/')) continue;
      for (const target of importsOf(file)) {
        const to = area(target);
        if ((to.startsWith('features/') && to !== from) || to === 'app') offences.push(`${relative(SRC, file)} → ${target}`);
      }
    }
    expect(offences).toEqual([]);
  });

  it('keeps components/ and lib/ free of features and app', () => {
    const offences: string[] = [];
    for (const file of sources) {
      const from = area(relative(SRC, file).split(sep).join('/'));
      if (from !== 'components' && from !== 'lib') continue;
      for (const target of importsOf(file)) {
        const to = area(target);
        if (to === 'app' || to.startsWith('features/')) offences.push(`${relative(SRC, file)} → ${target}`);
      }
    }
    expect(offences).toEqual([]);
  });

  it('never reaches outside web/src (server code is known only through generated types)', () => {
    const outside = sources.flatMap((file) => importsOf(file).filter((target) => target.startsWith('..')));
    expect(outside).toEqual([]);
  });

  it('lets only the API client call fetch', () => {
    const callers = sources
      .filter((file) => !file.endsWith('.test.ts') && !file.endsWith('.test.tsx'))
      .filter((file) => /\bfetch\(/.test(readFileSync(file, 'utf8')))
      .map((file) => relative(SRC, file).split(sep).join('/'));
    expect(callers.sort()).toEqual(['lib/api-client.ts', 'lib/auth-session.ts']);
  });
});

// A very small test harness for the plain-Node suites under test/: named checks, a clear line
// per result, and a final "N passed, N failed" summary.
import { inspect } from 'node:util';

export class Harness {
  passed = 0;
  failed = 0;
  skipped = 0;
  failures = [];

  /** Runs one named check; a thrown error (or a rejected promise) is a failure, not a crash. */
  async check(name, fn) {
    const started = Date.now();
    try {
      await fn();
      this.passed += 1;
      console.log(`  ✓ ${name} (${Date.now() - started} ms)`);
      return true;
    } catch (error) {
      this.failed += 1;
      this.failures.push(name);
      console.log(`  ✗ ${name}\n${indent(error instanceof AssertionFailure ? error.message : inspect(error))}`);
      return false;
    }
  }

  skip(name, reason) {
    this.skipped += 1;
    console.log(`  - ${name}: skipped (${reason})`);
  }

  section(title) {
    console.log(`\n${title}`);
  }

  summary() {
    const skipped = this.skipped ? `, ${this.skipped} skipped` : '';
    if (this.failures.length) console.log(`\nfailed:\n${this.failures.map((name) => `  - ${name}`).join('\n')}`);
    console.log(`\n${this.passed} passed, ${this.failed} failed${skipped}`);
  }
}

export class AssertionFailure extends Error {}

export function assert(condition, message) {
  if (!condition) throw new AssertionFailure(typeof message === 'function' ? message() : message);
}

export function assertEqual(actual, expected, what) {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) throw new AssertionFailure(`${what}: expected ${e}, got ${a}`);
}

function indent(text) {
  return String(text)
    .split('\n')
    .map((line) => `      ${line}`)
    .join('\n');
}

import { describe, expect, it } from '@jest/globals';
import { formatCount, formatDuration, formatProgressBar, formatProgressLine, ProgressReporter } from './progress';

describe('progress formatting', () => {
  it('draws a bar with percentage, counts, rate and ETA', () => {
    const text = formatProgressBar({ label: 'users', done: 250_000, total: 1_000_000, elapsedMs: 10_000 }, 20);
    expect(text).toBe('users [#####---------------]  25%  250,000/1,000,000  25,000/s  ETA 30.0 s');
  });

  it('fills the bar completely at the end and never overflows it', () => {
    expect(formatProgressBar({ label: 'x', done: 10, total: 10, elapsedMs: 1000 }, 10)).toContain('[##########] 100%');
    expect(formatProgressBar({ label: 'x', done: 12, total: 10, elapsedMs: 1000 }, 10)).toContain('[##########] 100%');
  });

  it('says ? for the ETA before anything is done', () => {
    expect(formatProgressBar({ label: 'x', done: 0, total: 10, elapsedMs: 0 }, 4)).toBe('x [----]   0%  0/10  0/s  ETA ?');
  });

  it('writes complete lines for logs', () => {
    expect(formatProgressLine({ label: 'Seeding users', done: 500, total: 2000, elapsedMs: 2000 })).toBe(
      'Seeding users: 500/2,000 (25%), 250/s, ETA 6.0 s',
    );
  });

  it('formats counts and durations for people', () => {
    expect(formatCount(1234567.4)).toBe('1,234,567');
    expect(formatDuration(4_250)).toBe('4.3 s');
    expect(formatDuration(185_000)).toBe('3 min 05 s');
  });
});

function recorder(isTTY: boolean) {
  const chunks: string[] = [];
  return { chunks, stream: { isTTY, write: (chunk: string) => chunks.push(chunk) } };
}

describe('ProgressReporter', () => {
  it('prints one line per tenth of the work when stderr is not a terminal', () => {
    const { chunks, stream } = recorder(false);
    let now = 0;
    const progress = new ProgressReporter(stream, 'Seeding users', 1000, () => now);
    for (let i = 0; i < 100; i++) {
      now += 10;
      progress.advance(10);
    }
    progress.finish();
    expect(chunks).toHaveLength(10);
    expect(chunks.every((chunk) => chunk.endsWith('\n') && !chunk.includes('\r'))).toBe(true);
    expect(chunks[9]).toContain('1,000/1,000 (100%)');
  });

  it('redraws the bar in place on a terminal, throttled, and ends the line when finished', () => {
    const { chunks, stream } = recorder(true);
    let now = 0;
    const progress = new ProgressReporter(stream, 'users', 1000, () => now);
    for (let i = 0; i < 100; i++) {
      now += 10;
      progress.advance(10);
    }
    progress.finish();
    // Every 100 ms of 1 s, plus the final frame, plus the newline.
    expect(chunks.length).toBeGreaterThanOrEqual(10);
    expect(chunks.length).toBeLessThanOrEqual(12);
    expect(chunks.slice(0, -1).every((chunk) => chunk.startsWith('\r'))).toBe(true);
    expect(chunks.at(-2)).toContain('100%');
    expect(chunks.at(-1)).toBe('\n');
  });
});

/** Where the progress goes; `isTTY` decides between a bar redrawn in place and plain lines. */
export interface ProgressStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
}

export interface ProgressSnapshot {
  label: string;
  done: number;
  total: number;
  elapsedMs: number;
}

const BAR_WIDTH = 30;
/** Redraws are throttled: a terminal does not need 100 frames a second. */
const TTY_INTERVAL_MS = 100;
/** Logs (CI, files) get a line per tenth of the work, so they stay readable. */
const LINE_STEPS = 10;

export function formatCount(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}

/** `42.1 s`, `3 min 05 s`. */
export function formatDuration(ms: number): string {
  const seconds = ms / 1000;
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  const whole = Math.round(seconds);
  return `${Math.floor(whole / 60)} min ${String(whole % 60).padStart(2, '0')} s`;
}

export function ratePerSecond(done: number, elapsedMs: number): number {
  return elapsedMs > 0 ? (done * 1000) / elapsedMs : 0;
}

/** `users [##########--------------------]  33%  330,000/1,000,000  25,400/s  ETA 26 s` */
export function formatProgressBar(snapshot: ProgressSnapshot, width = BAR_WIDTH): string {
  const fraction = snapshot.total > 0 ? Math.min(1, snapshot.done / snapshot.total) : 1;
  const filled = Math.round(fraction * width);
  const bar = '#'.repeat(filled) + '-'.repeat(width - filled);
  const percent = `${Math.floor(fraction * 100)}%`.padStart(4);
  return `${snapshot.label} [${bar}] ${percent}  ${progressFigures(snapshot)}`;
}

/** `users: 330,000/1,000,000 (33%), 25,400/s, ETA 26 s` — for logs, one complete line each. */
export function formatProgressLine(snapshot: ProgressSnapshot): string {
  const percent = snapshot.total > 0 ? Math.floor((Math.min(snapshot.done, snapshot.total) / snapshot.total) * 100) : 100;
  return `${snapshot.label}: ${formatCount(snapshot.done)}/${formatCount(snapshot.total)} (${percent}%), ${rateAndEta(snapshot)}`;
}

function progressFigures(snapshot: ProgressSnapshot): string {
  return `${formatCount(snapshot.done)}/${formatCount(snapshot.total)}  ${rateAndEta(snapshot).replace(', ', '  ')}`;
}

function rateAndEta(snapshot: ProgressSnapshot): string {
  const rate = ratePerSecond(snapshot.done, snapshot.elapsedMs);
  const remaining = Math.max(0, snapshot.total - snapshot.done);
  const eta = rate > 0 ? formatDuration((remaining / rate) * 1000) : '?';
  return `${formatCount(rate)}/s, ETA ${eta}`;
}

/**
 * Reports the progress of one counted job on stderr: a bar redrawn in place on a terminal,
 * a line per tenth of the job otherwise, so a log file does not fill with carriage returns.
 */
export class ProgressReporter {
  private readonly started: number;
  private lastDraw = 0;
  private lastStep = 0;
  private done = 0;

  constructor(
    private readonly stream: ProgressStream,
    private readonly label: string,
    private readonly total: number,
    private readonly now: () => number = Date.now,
  ) {
    this.started = now();
  }

  advance(by: number): void {
    this.done += by;
    const snapshot = this.snapshot();
    if (this.stream.isTTY) {
      const time = this.now();
      if (time - this.lastDraw < TTY_INTERVAL_MS && this.done < this.total) return;
      this.lastDraw = time;
      this.stream.write(`\r${formatProgressBar(snapshot)}\x1b[K`);
      return;
    }
    const step = this.total > 0 ? Math.floor((this.done / this.total) * LINE_STEPS) : LINE_STEPS;
    if (step > this.lastStep) {
      this.lastStep = step;
      this.stream.write(`${formatProgressLine(snapshot)}\n`);
    }
  }

  /** Ends the bar's line so whatever is printed next starts on a fresh one. */
  finish(): void {
    if (this.stream.isTTY && this.lastDraw > 0) this.stream.write('\n');
  }

  private snapshot(): ProgressSnapshot {
    return { label: this.label, done: this.done, total: this.total, elapsedMs: this.now() - this.started };
  }
}

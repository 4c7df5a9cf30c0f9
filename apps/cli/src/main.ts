import { runCli } from './cli';
import { withDotEnv } from '@app/config';

// The only place the CLI touches process globals; everything below takes them as arguments.
void runCli(process.argv.slice(2), withDotEnv(process.env), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
}).then((exitCode) => {
  process.exitCode = exitCode;
  // Everything is closed by now; should a stray handle (a failed embedded start, say) keep the
  // event loop alive, leave anyway instead of hanging the operator's terminal.
  setTimeout(() => process.exit(exitCode), 2000).unref();
});

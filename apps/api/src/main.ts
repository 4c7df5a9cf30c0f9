import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ConfigValidationError, loadAppConfig, withDotEnv, type AppConfig } from '@app/config';
import { AppModule } from './app.module';
import { configureApp, createFastifyAdapter } from './configure-app';
import { ShutdownState } from './health/shutdown-state';

/** How long a load balancer gets to notice readiness failing before the listener closes. */
const DRAIN_DELAY_MS = 2000;

async function bootstrap(): Promise<void> {
  const config = readConfigOrExit();
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), createFastifyAdapter(config), {
    bufferLogs: true,
  });
  await configureApp(app, config);
  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    process.stderr.write(`Port ${config.port} is already in use. Stop what uses it or start with PORT=<another port>.\n`);
    await app.close();
    process.exit(1);
  }
  const logger = new Logger('Bootstrap');
  logger.log(`Listening on ${config.host}:${config.port}`);
  if (config.isProduction && config.otp.demo) {
    logger.warn('OTP_DEMO=true in production: login codes are returned to clients, so anyone can sign in as any phone. Set OTP_DEMO=false with a real SMS provider.');
  }
  app.flushLogs();
  if (!config.isProduction) {
    // For the person who just typed `npm start`: where to go, in plain words.
    const base = `http://localhost:${config.port}`;
    process.stdout.write(`\n  Referral system: ${base}   admin console: ${base}/admin   API docs: ${base}/api/docs\n\n`);
  }
  handleStopSignals(app, logger);
}

function readConfigOrExit(): AppConfig {
  try {
    return loadAppConfig(withDotEnv(process.env));
  } catch (error) {
    if (error instanceof ConfigValidationError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}

/**
 * Graceful stop: readiness turns 503, a short pause lets the proxy move away, then the listener
 * closes while in-flight requests finish, and the shutdown hooks close the pool.
 */
function handleStopSignals(app: NestFastifyApplication, logger: Logger): void {
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal}: draining`);
    app.get(ShutdownState).beginDraining();
    setTimeout(() => {
      app
        .close()
        .then(() => process.exit(0))
        .catch((error: Error) => {
          logger.error(error.message);
          process.exit(1);
        });
    }, DRAIN_DELAY_MS).unref();
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

void bootstrap();

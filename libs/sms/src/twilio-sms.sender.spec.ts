import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { loadAppConfig, type TwilioConfig } from '@app/config';
import { SmsDeliveryError } from './sms-sender';
import { createSmsSender } from './sms.module';
import { TwilioSmsSender } from './twilio-sms.sender';

const SID = 'AC0123456789abcdef0123456789abcdef';
const TOKEN = 'super-secret-auth-token';
const FROM = '+15005550006';
const MESSAGE = { to: '+79991234567', text: 'Your login code: 4821' };

interface Recorded {
  method?: string;
  url?: string;
  headers: IncomingMessage['headers'];
  body: string;
}

type Handler = (req: IncomingMessage, res: ServerResponse, recorded: Recorded) => void;

/** A stand-in for api.twilio.com on 127.0.0.1 that records the one request it gets. */
class TwilioStub {
  readonly requests: Recorded[] = [];
  private server: Server | undefined;

  async start(handler: Handler): Promise<string> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const recorded = { method: req.method, url: req.url, headers: req.headers, body: Buffer.concat(chunks).toString() };
        this.requests.push(recorded);
        handler(req, res, recorded);
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

function sender(baseUrl: string, timeoutMs = 2000, from = FROM): TwilioSmsSender {
  const config: TwilioConfig = { accountSid: SID, authToken: TOKEN, from, baseUrl };
  return new TwilioSmsSender(config, timeoutMs);
}

/** Resolves with the rejection so several properties of it can be asserted. */
async function failure(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the send to fail');
}

function expectNoSecrets(error: Error): void {
  for (const secret of [TOKEN, MESSAGE.to, MESSAGE.text, '4821']) expect(error.message).not.toContain(secret);
}

describe('TwilioSmsSender', () => {
  let stub: TwilioStub;
  beforeEach(() => {
    stub = new TwilioStub();
  });
  afterEach(() => stub.stop());

  it('posts the message to the Messages API with basic auth and a form body', async () => {
    const baseUrl = await stub.start((_req, res) =>
      json(res, 201, { sid: 'SM0123456789abcdef0123456789abcdef', status: 'queued' }),
    );

    await sender(baseUrl).send(MESSAGE);

    expect(stub.requests).toHaveLength(1);
    const [request] = stub.requests;
    expect(request.method).toBe('POST');
    expect(request.url).toBe(`/2010-04-01/Accounts/${SID}/Messages.json`);
    expect(request.headers.authorization).toBe(`Basic ${Buffer.from(`${SID}:${TOKEN}`).toString('base64')}`);
    expect(request.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(new URLSearchParams(request.body))).toEqual({
      To: MESSAGE.to,
      From: FROM,
      Body: MESSAGE.text,
    });
  });

  it('sends through a Messaging Service when the sender is an MG… id', async () => {
    const baseUrl = await stub.start((_req, res) => json(res, 201, { sid: 'SM1', status: 'accepted' }));

    await sender(baseUrl, 2000, 'MG0123456789abcdef0123456789abcdef').send(MESSAGE);

    const form = new URLSearchParams(stub.requests[0].body);
    expect(form.get('MessagingServiceSid')).toBe('MG0123456789abcdef0123456789abcdef');
    expect(form.has('From')).toBe(false);
  });

  it('rejects with SmsDeliveryError naming the status and Twilio code when Twilio refuses', async () => {
    const baseUrl = await stub.start((_req, res) =>
      json(res, 400, {
        code: 21211,
        message: `The 'To' number ${MESSAGE.to} is not a valid phone number.`,
        more_info: 'https://www.twilio.com/docs/errors/21211',
        status: 400,
      }),
    );

    const error = await failure(sender(baseUrl).send(MESSAGE));

    expect(error).toBeInstanceOf(SmsDeliveryError);
    expect(error.message).toBe('Twilio refused the message (HTTP 400, Twilio error 21211)');
    expectNoSecrets(error);
  });

  it('rejects when Twilio answers an error that is not JSON', async () => {
    const baseUrl = await stub.start((_req, res) => {
      res.writeHead(503, { 'content-type': 'text/html' });
      res.end('<html>Service Unavailable</html>');
    });

    const error = await failure(sender(baseUrl).send(MESSAGE));

    expect(error).toBeInstanceOf(SmsDeliveryError);
    expect(error.message).toBe('Twilio refused the message (HTTP 503)');
  });

  it('rejects with SmsDeliveryError once the timeout passes without an answer', async () => {
    // The stub reads the request and never answers.
    const baseUrl = await stub.start(() => undefined);
    const started = Date.now();

    const error = await failure(sender(baseUrl, 200).send(MESSAGE));

    expect(error).toBeInstanceOf(SmsDeliveryError);
    expect(error.message).toBe('Twilio did not answer within 200 ms');
    expect(Date.now() - started).toBeLessThan(1500);
    expect(stub.requests).toHaveLength(1);
  });

  it('rejects with SmsDeliveryError when nothing listens at the base URL', async () => {
    const baseUrl = await stub.start(() => undefined);
    await stub.stop();

    const error = await failure(sender(baseUrl).send(MESSAGE));

    expect(error).toBeInstanceOf(SmsDeliveryError);
    expect(error.message).toBe('Twilio could not be reached (ECONNREFUSED)');
    expectNoSecrets(error);
  });
});

describe('createSmsSender', () => {
  const base = { NODE_ENV: 'test', JWT_SECRET: 'x'.repeat(48), DATA_DIR: '/nonexistent-data-dir' };

  it('builds the Twilio sender from SMS_PROVIDER=twilio and the TWILIO_* settings', () => {
    const config = loadAppConfig({
      ...base,
      SMS_PROVIDER: 'twilio',
      SMS_TIMEOUT_MS: '1500',
      TWILIO_ACCOUNT_SID: SID,
      TWILIO_AUTH_TOKEN: TOKEN,
      TWILIO_FROM: FROM,
    });

    const created = createSmsSender(config);

    expect(created).toBeInstanceOf(TwilioSmsSender);
    expect(created.name).toBe('twilio');
  });

  it('keeps the console sender as the default', () => {
    expect(createSmsSender(loadAppConfig(base)).name).toBe('console');
  });
});

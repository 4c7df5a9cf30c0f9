import type { TwilioConfig } from '@app/config';
import { SmsDeliveryError, SmsSender, type SmsMessage } from './sms-sender';

/** The part of Twilio's error body we rely on (https://www.twilio.com/docs/usage/twilios-response). */
interface TwilioErrorBody {
  code?: number;
  status?: number;
}

/**
 * Sends through Twilio's Messages API
 * (`POST {baseUrl}/2010-04-01/Accounts/{AccountSid}/Messages.json`, form-encoded, HTTP basic auth).
 * `baseUrl` is configurable so tests (and Twilio-compatible gateways) can stand in for
 * api.twilio.com. A `from` starting with `MG` is a Messaging Service, sent as `MessagingServiceSid`.
 *
 * Every failure — a refusal, no answer within `timeoutMs`, a network error — rejects with
 * `SmsDeliveryError`. Its message names the HTTP status and Twilio's numeric error code only:
 * never the credentials, the recipient or the text (which holds the login code).
 */
export class TwilioSmsSender extends SmsSender {
  readonly name = 'twilio';
  private readonly url: string;
  private readonly authorization: string;

  constructor(
    private readonly config: TwilioConfig,
    private readonly timeoutMs: number,
  ) {
    super();
    const base = config.baseUrl.replace(/\/+$/, '');
    this.url = `${base}/2010-04-01/Accounts/${encodeURIComponent(config.accountSid)}/Messages.json`;
    this.authorization = `Basic ${Buffer.from(`${config.accountSid}:${config.authToken}`).toString('base64')}`;
  }

  async send(message: SmsMessage): Promise<void> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.timeoutMs);
    try {
      const response = await fetch(this.url, {
        method: 'POST',
        headers: {
          authorization: this.authorization,
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'application/json',
        },
        body: this.formBody(message),
        signal: controller.signal,
        redirect: 'error',
      });
      // Reading the body stays under the same deadline; it also frees the connection.
      const text = await response.text();
      if (!response.ok) throw this.refusal(response.status, text);
    } catch (error) {
      if (error instanceof SmsDeliveryError) throw error;
      if (controller.signal.aborted) {
        throw new SmsDeliveryError(`Twilio did not answer within ${this.timeoutMs} ms`, { cause: error });
      }
      throw new SmsDeliveryError(`Twilio could not be reached (${networkReason(error)})`, { cause: error });
    } finally {
      clearTimeout(timer);
    }
  }

  private formBody(message: SmsMessage): URLSearchParams {
    const form = new URLSearchParams({ To: message.to, Body: message.text });
    if (this.config.from.startsWith('MG')) form.set('MessagingServiceSid', this.config.from);
    else form.set('From', this.config.from);
    return form;
  }

  private refusal(status: number, text: string): SmsDeliveryError {
    let code: number | undefined;
    try {
      const body = JSON.parse(text) as TwilioErrorBody;
      if (typeof body.code === 'number') code = body.code;
    } catch {
      // Not JSON (a proxy's HTML page, say): the status alone has to do.
    }
    // Twilio's `message` is left out on purpose: it may quote the recipient's number.
    const suffix = code === undefined ? '' : `, Twilio error ${code}`;
    return new SmsDeliveryError(`Twilio refused the message (HTTP ${status}${suffix})`);
  }
}

/** A short, secret-free reason for a failed fetch: undici hides the system error in `cause`. */
function networkReason(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown } } | undefined)?.cause;
  if (cause && typeof cause.code === 'string') return cause.code;
  return error instanceof Error ? error.name : 'unknown error';
}

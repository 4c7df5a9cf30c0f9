/** One text message to one E.164 number. */
export interface SmsMessage {
  to: string;
  text: string;
}

/**
 * The seam every SMS provider plugs into. `send` resolves once the provider accepted the
 * message and rejects with `SmsDeliveryError` when it refused or did not answer in time.
 * Abstract class rather than interface so it can be the injection token.
 */
export abstract class SmsSender {
  abstract readonly name: string;
  abstract send(message: SmsMessage): Promise<void>;
}

export class SmsDeliveryError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SmsDeliveryError';
  }
}

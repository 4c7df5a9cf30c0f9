import { Logger } from '@nestjs/common';
import { maskPhone } from '@app/common';
import { SmsSender, type SmsMessage } from './sms-sender';

/**
 * The demo provider: the message goes to the log instead of a phone, like the seed's imitation.
 * The text (which holds the code) is printed only in demo mode, where the client sees the code
 * anyway; otherwise only the masked recipient is logged.
 */
export class ConsoleSmsSender extends SmsSender {
  readonly name = 'console';
  private readonly logger = new Logger('SMS');

  constructor(private readonly revealText: boolean) {
    super();
  }

  async send(message: SmsMessage): Promise<void> {
    const to = maskPhone(message.to);
    this.logger.log(this.revealText ? `to ${to}: ${message.text}` : `to ${to}: (text hidden, OTP_DEMO=false)`);
  }
}

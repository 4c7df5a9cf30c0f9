import { Global, Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { ConsoleSmsSender } from './console-sms.sender';
import { SmsSender } from './sms-sender';
import { TwilioSmsSender } from './twilio-sms.sender';

/** Provides the configured `SmsSender` (`SMS_PROVIDER`). */
export function createSmsSender(config: AppConfig): SmsSender {
  switch (config.sms.provider) {
    case 'console':
      return new ConsoleSmsSender(config.otp.demo);
    case 'twilio':
      // loadAppConfig() refuses SMS_PROVIDER=twilio without TWILIO_ACCOUNT_SID, _AUTH_TOKEN and _FROM.
      if (!config.sms.twilio) throw new Error('SMS_PROVIDER=twilio needs the TWILIO_* settings');
      return new TwilioSmsSender(config.sms.twilio, config.sms.timeoutMs);
    default:
      throw new Error(`SMS provider "${config.sms.provider}" is not available`);
  }
}

@Global()
@Module({
  providers: [{ provide: SmsSender, inject: [APP_CONFIG], useFactory: createSmsSender }],
  exports: [SmsSender],
})
export class SmsModule {}

import { Global, Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { ConsoleSmsSender } from './console-sms.sender';
import { SmsSender } from './sms-sender';

/** Provides the configured `SmsSender` (`SMS_PROVIDER`). */
export function createSmsSender(config: AppConfig): SmsSender {
  switch (config.sms.provider) {
    case 'console':
      return new ConsoleSmsSender(config.otp.demo);
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

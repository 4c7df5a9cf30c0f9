export * from './sms-sender';
export * from './console-sms.sender';
export * from './twilio-sms.sender';
export * from './sms.module';

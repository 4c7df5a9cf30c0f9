export * from './domain-error';
export * from './phone';
export * from './invite-code';
export * from './cursor';
export * from './password';

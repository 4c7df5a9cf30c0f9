export * from './database.module';
export * from './database-options';
export * from './embedded-postgres';
export * from './run-migrations';
export * from './transaction-host';
export * from './postgres-errors';
export { migrations } from './migrations';

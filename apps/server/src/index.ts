/** The roles and statuses of the platform (@ftai/api), for the command line. */
export { APPLICATION_STATUSES, ROLES } from '@ftai/api';
export { buildApp } from './app.js';
export { openAuditLog } from './audit/open-audit-log.js';
export { type AuditHead, readAuditHead } from './audit/read-audit-head.js';
export { verifyAudit } from './audit/verify-audit.js';
export { MIN_PASSWORD_LENGTH, passwordProblem } from './auth/password-policy.js';
export { type ConfigOptions, loadConfig, type ServerConfig } from './config.js';
export { type AppContext, createContext } from './context.js';
export { openDatabase } from './db/database.js';
export { migrateToLatest } from './db/migrate.js';
export { DEMO_PASSWORD, seedDemo } from './demo/seed-demo.js';
export { InjectClient } from './http/inject-client.js';
export { startServer } from './server.js';
export { createUser } from './users/create-user.js';

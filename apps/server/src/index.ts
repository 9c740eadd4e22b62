export { buildApp } from './app.js';
export { verifyAudit } from './audit/verify-audit.js';
export { type ConfigOptions, loadConfig, type ServerConfig } from './config.js';
export { type AppContext, createContext } from './context.js';
export { openDatabase } from './db/database.js';
export { migrateToLatest } from './db/migrate.js';
export { startServer } from './server.js';
export { createUser } from './users/create-user.js';

export * from './report-lines.js';
export * from './words.js';

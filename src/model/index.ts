export * from './errors.js';
export * from './time.js';
export * from './event.js';
export * from './contact.js';
export * from './rep.js';
export * from './outcome.js';
export * from './scored.js';
export * from './config.js';

export * from './classify-intent.js';
export * from './parse-when.js';

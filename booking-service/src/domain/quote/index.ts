export * from './localized-text.js';
export * from './quote-tree-schema.js';
export * from './evaluate-quote.js';
export * from './quote-evaluate-input.js';

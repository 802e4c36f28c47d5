/** What the booking service, the widget and the console share. Tree-shakable: no module runs code on import. */
export * from './zoned.js';
export * from './lang.js';
export * from './vocabulary.js';
export * from './escape-html.js';
export * from './zone-words.js';
export * from './dram-sign.js';
export * from './compact-slots.js';
export * from './glyph.js';

/** Search over Chinese text (design §8): pure tokenising, record text and snippets. */
export * from './normalise';
export * from './grams';
export * from './searchText';
export * from './describe';
export * from './snippets';

/** Public API of the database layer (renderer/db). */
export * from './database';
export { meetingIndexRow } from './meetingIndex';
export { getInstallationId, stampMeta, type WriteOptions } from './meta';
export { DbError, DbValidationError } from './validate';
export * from './roster';
export * from './organisations';
export * from './members';
export * from './meetings';
export * from './meetingList';
export * from './recycleBin';
export * from './settings';
export { fillDemoData, type DemoOptions, type DemoSummary } from './demo';
export { getDocumentProfile, putDocumentProfile } from './documentProfile';
export * from './records';
export * from './rectifications';
export * from './talks';
export * from './appraisals';
export { search, SENSITIVE_ONLY_NOTICE, type SearchHit, type SearchOptions, type SearchResult } from './search';
export {
  getSensitiveGramTokenizer,
  plainSensitiveTokenizer,
  rebuildSearchIndex,
  searchIndexRow,
  setSensitiveGramTokenizer,
  type SensitiveGramTokenizer,
} from './searchIndex';

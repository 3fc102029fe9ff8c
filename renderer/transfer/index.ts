/** Public API of renderer/transfer: export, import, backups, operation log, start-up hook. */
export * from './tables';
export * from './progress';
export * from './collect';
export * from './password';
export * from './operationLog';
export * from './backupPassword';
export { streamArchive, collectBytes, DATA_DEFLATE_LEVEL, type StreamArchiveInput, type RowSource } from './archiveStream';
export * from './exporter';
export * from './importer';
export * from './backups';
export * from './startup';

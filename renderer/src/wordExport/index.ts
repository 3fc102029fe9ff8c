/** Word export (issue: Word minutes): the editor's export dropdown and the settings card. */
export { ExportWordButton, type ExportWordButtonProps } from './ExportWordButton';
export { DocumentProfileSettings } from './DocumentProfileSettings';
export { WordPreviewModal, type WordPreviewModalProps } from './WordPreviewModal';
export { MissingFieldsDialog, type MissingFieldsDialogProps } from './MissingFieldsDialog';
export { buildWordFile, loadExportContext, blockingIssues, isDraftExport, WORD_KIND_LABELS, type WordKind, type ExportContext } from './exportData';

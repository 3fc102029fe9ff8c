/** Word export (issue: Word minutes): the editor's export dropdown and the settings card. */
export { ExportWordButton, type ExportWordButtonProps } from './ExportWordButton';
export { DocumentProfileSettings } from './DocumentProfileSettings';
export { WordPreviewModal, type WordPreviewModalProps } from './WordPreviewModal';
export { MissingFieldsDialog, type MissingFieldsDialogProps } from './MissingFieldsDialog';
export { buildWordFile, loadExportContext, blockingIssues, isDraftExport, WORD_KIND_LABELS, type WordKind, type ExportContext } from './exportData';
export { ExportLifeMeetingMenu, useLifeMeetingMenu, type ExportLifeMeetingMenuProps, type LifeMeetingMenu } from './ExportLifeMeetingMenu';
export { ExportTalksButton, type ExportTalksButtonProps } from './ExportTalksButton';
export { ExportAppraisalButton, type ExportAppraisalButtonProps } from './ExportAppraisalButton';
export { ExportRectificationsButton, type ExportRectificationsButtonProps } from './ExportRectificationsButton';
export {
  buildCriticismFile,
  buildLifeReportFile,
  buildTalksFile,
  buildAppraisalFile,
  buildRectificationsFile,
  saveWordFile,
  type AppraisalSheet,
} from './recordExportData';

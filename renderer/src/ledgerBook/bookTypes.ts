/**
 * The 合订本 build's plain-data contract (input, progress, cancel), kept apart from buildBook.ts so
 * the page can use it without pulling the builder and docx's layout estimate into the main chunk.
 */
import type { Appraisal, Meeting, Rectification, Talk } from '../../../shared/model';
import type { DocumentLayout, DocumentProfile } from '../../../shared/model/documentProfile';
import type { OrgForWord } from '../../../shared/word';
import type { AppendixFinding, BookPeriod } from '../../../shared/word/ledgerBook';

export interface LedgerBookInput {
  org: OrgForWord;
  period: BookPeriod;
  unitName: string;
  profile: DocumentProfile;
  nonSecretMarking: string;
  layout: DocumentLayout;
  meetings: Meeting[];
  /** The period's talks, one 谈心谈话记录表 each (contents included: the book is the official record). */
  talks?: Talk[];
  /** The period's 民主评议, each bound as its 测评汇总表 (landscape). */
  appraisals?: Appraisal[];
  /** The organisation's live 整改事项 of every 年度; the book picks the 台账 of the period (bookRecords.ts ledgerYears). */
  rectifications?: Rectification[];
  findings: AppendixFinding[] | null;
  compiledOn: string;
  /** Write the contents' page numbers (layout estimate); off, Word / WPS fill them in when updating. */
  estimatePages: boolean;
}

export type BookPhase = 'records' | 'pages' | 'pack';

export interface BookProgress {
  phase: BookPhase;
  done: number;
  total: number;
  label: string;
}

export class BookCancelled extends Error {
  constructor() {
    super('已取消生成合订本。');
    this.name = 'BookCancelled';
  }
}

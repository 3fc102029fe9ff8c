/**
 * Which tables travel in transfer files and in backups, with the zod schema every incoming row is
 * checked against (shared/model). `meetingIndex` never travels: it is rebuilt by the middleware.
 */
import { z } from 'zod';
import {
  appraisalSchema,
  meetingSchema,
  memberSchema,
  organisationSchema,
  rectificationSchema,
  talkSchema,
  type Appraisal,
  type Meeting,
  type Member,
  type Organisation,
  type Rectification,
  type Talk,
} from '../../shared/model';
import { idSchema, isoTimeSchema, versionVectorSchema } from '../../shared/model/meta';

/** Tables merged record by record (all carry RecordMeta). */
export const RECORD_TABLES = ['organisations', 'members', 'meetings', 'talks', 'appraisals', 'rectifications'] as const;
export type RecordTable = (typeof RECORD_TABLES)[number];

export interface RecordsByTable {
  organisations: Organisation;
  members: Member;
  meetings: Meeting;
  talks: Talk;
  appraisals: Appraisal;
  rectifications: Rectification;
}

export const TRANSFER_SCHEMAS = {
  organisations: organisationSchema,
  members: memberSchema,
  meetings: meetingSchema,
  talks: talkSchema,
  appraisals: appraisalSchema,
  rectifications: rectificationSchema,
} as const;

export const TABLE_LABELS: Record<RecordTable, string> = {
  organisations: '党组织',
  members: '党员',
  meetings: '会议记录',
  talks: '谈心谈话',
  appraisals: '民主评议',
  rectifications: '整改事项',
};

/** A key/value row of `settings` (unit settings, document profile…); values are checked when read. */
export const keyValueRowSchema = z.object({ key: z.string().min(1).max(200), value: z.unknown() });

export const purgedRowSchema = z.object({
  id: idSchema,
  table: z.enum(RECORD_TABLES),
  vv: versionVectorSchema,
  purgedAt: isoTimeSchema,
});

/** Backups hold the whole database except `local` (this machine's id, backup password) and the log. */
export const BACKUP_SCHEMAS = {
  ...TRANSFER_SCHEMAS,
  settings: keyValueRowSchema,
  purged: purgedRowSchema,
} as const;
export type BackupTable = keyof typeof BACKUP_SCHEMAS;
export const BACKUP_TABLES = Object.keys(BACKUP_SCHEMAS) as BackupTable[];

/** 民主评议党员 (domain §2.7, §3.4): one record per organisation per 年度. */
import { z } from 'zod';
import { APPRAISAL_GRADES, CLASSIFICATION_LEVELS, MEMBER_STATUSES, RECORD_STATUSES } from './enums';
import { dateSchema, idSchema, longText, recordMetaSchema, shortText } from './meta';

const count = z.number().int().min(0, '票数不能为负数').max(100000);

export const gradeVotesSchema = z.object({ excellent: count, qualified: count, basic: count, unqualified: count });
export type GradeVotes = z.infer<typeof gradeVotesSchema>;

export const peerCommentSchema = z.object({
  id: idSchema,
  fromId: idSchema.nullable(),
  fromName: shortText('评议人', 50),
  text: longText,
});

export const appraisalEntrySchema = z.object({
  id: idSchema,
  memberId: idSchema.nullable(),
  name: shortText('姓名', 50).min(1),
  /** Status on the appraisal date: 预备党员 are appraised but never graded. */
  status: z.enum(MEMBER_STATUSES),
  selfAppraisal: longText,
  selfDone: z.boolean(),
  peerComments: z.array(peerCommentSchema).max(500),
  /** 应参评 / 实参评 people for this member's row of the mark sheet. */
  shouldRate: count,
  didRate: count,
  votes: gradeVotesSchema,
  finalGrade: z.enum(APPRAISAL_GRADES).nullable(),
  /** Required when the final grade differs from the vote majority. */
  gradeReason: shortText('评定理由', 1000),
  feedbackBy: shortText('反馈人', 50),
  feedbackDate: dateSchema.optional(),
  /** 处置措施 for 基本合格 / 不合格 (帮扶计划, 组织处置…). */
  followUp: longText,
});
export type AppraisalEntry = z.infer<typeof appraisalEntrySchema>;

export const appraisalFieldsSchema = z.object({
  orgId: idSchema,
  annualYear: z.number().int().min(1949).max(2200),
  date: dateSchema,
  /** The 党员大会 / 组织生活会 where it was held (meeting id), if recorded. */
  meetingId: idSchema.nullable(),
  entries: z.array(appraisalEntrySchema).max(2000),
  /** Optional rating of the branch committee: option label and count (scales vary by unit). */
  committeeRating: z.array(z.object({ label: shortText('选项', 20), count })).max(6),
  classification: z.object({ level: z.enum(CLASSIFICATION_LEVELS), years: z.number().int().min(1).max(30).nullable() }),
  status: z.enum(RECORD_STATUSES),
});
export type AppraisalFields = z.infer<typeof appraisalFieldsSchema>;

export const appraisalSchema = recordMetaSchema.extend(appraisalFieldsSchema.shape);
export type Appraisal = z.infer<typeof appraisalSchema>;

/** 整改清单 / 整改台账 items (domain §3.5). One problem, one item; 逾期 is computed, never stored. */
import { z } from 'zod';
import { DEADLINE_KINDS, RECTIFICATION_LIST_KINDS, RECTIFICATION_SOURCES, RECTIFICATION_STATUSES } from './enums';
import { dateSchema, idSchema, recordMetaSchema, shortText } from './meta';

export const progressEntrySchema = z.object({
  id: idSchema,
  date: dateSchema,
  text: shortText('进展', 5000).min(1, '请填写进展情况'),
});
export type ProgressEntry = z.infer<typeof progressEntrySchema>;

/** Where the item came from: a problem or criticism inside a life meeting, or a talk. */
export const rectificationOriginSchema = z.object({
  meetingId: idSchema.nullable(),
  participantId: idSchema.nullable(),
  problemId: idSchema.nullable(),
  criticismId: idSchema.nullable(),
  talkId: idSchema.nullable(),
});
export type RectificationOrigin = z.infer<typeof rectificationOriginSchema>;

export const rectificationFieldsSchema = z.object({
  orgId: idSchema,
  /** 年度 of the meeting that raised it; carry-over reports look up the previous 年度. */
  annualYear: z.number().int().min(1949).max(2200),
  listKind: z.enum(RECTIFICATION_LIST_KINDS),
  personId: idSchema.nullable(),
  personName: shortText('个人清单所属人', 50),
  source: z.enum(RECTIFICATION_SOURCES),
  category: shortText('问题类别', 60),
  problem: shortText('问题表现', 5000).min(1, '请填写问题表现'),
  measures: shortText('整改措施', 5000),
  target: shortText('整改目标', 2000),
  ownerId: idSchema.nullable(),
  ownerName: shortText('责任人', 50),
  leaderName: shortText('责任领导', 50),
  department: shortText('责任部门', 60),
  raisedDate: dateSchema,
  deadlineKind: z.enum(DEADLINE_KINDS),
  /** Required for 限期整改; optional target date for 立行立改. */
  deadline: dateSchema.optional(),
  progress: z.array(progressEntrySchema).max(500),
  status: z.enum(RECTIFICATION_STATUSES),
  closedDate: dateSchema.optional(),
  closedBy: shortText('销号审核人', 50),
  evidence: shortText('佐证材料', 2000),
  /** Set when 销号 happened although no evidence was given (warned, recorded). */
  closedWithoutEvidence: z.boolean(),
  publicity: shortText('公示通报情况', 500),
  origin: rectificationOriginSchema,
  /** The previous year's item this one continues (上年度未完成). */
  carriedFromId: idSchema.nullable(),
});
export type RectificationFields = z.infer<typeof rectificationFieldsSchema>;

export const rectificationSchema = recordMetaSchema.extend(rectificationFieldsSchema.shape);
export type Rectification = z.infer<typeof rectificationSchema>;

/**
 * 谈心谈话记录 (domain §2.8, §3.2). Contents are SENSITIVE: lists and search snippets show only
 * who, when and the type; the security issue encrypts the texts at rest.
 */
import { z } from 'zod';
import { CLASSIFICATION_LEVELS, FIVE_MUSTS, RECORD_STATUSES, TALK_FORMS, TALK_ISSUE_TARGETS, TALK_TYPES } from './enums';
import { dateSchema, idSchema, longText, recordMetaSchema, shortText, timeSchema } from './meta';

export const talkPartySchema = z.object({
  memberId: idSchema.nullable(),
  name: shortText('姓名', 50).min(1, '请填写姓名'),
  /** 党内职务或职务 (书记, 组织委员, 科员…). */
  post: shortText('职务', 60),
  /** 政治面貌 as printed (中共党员, 预备党员…). */
  politicalStatus: shortText('政治面貌', 30),
});
export type TalkParty = z.infer<typeof talkPartySchema>;

export const talkIssueSchema = z.object({
  id: idSchema,
  target: z.enum(TALK_ISSUE_TARGETS),
  text: longText,
});

export const talkFollowUpSchema = z.object({
  id: idSchema,
  who: shortText('跟进人', 50),
  what: shortText('跟进事项', 1000),
  by: dateSchema.optional(),
  done: z.boolean(),
});

export const talkFieldsSchema = z.object({
  orgId: idSchema,
  date: dateSchema,
  startTime: timeSchema.optional(),
  endTime: timeSchema.optional(),
  place: shortText('地点', 120),
  type: z.enum(TALK_TYPES),
  fiveMust: z.enum(FIVE_MUSTS).nullable(),
  form: z.enum(TALK_FORMS),
  interviewer: talkPartySchema,
  /** One for 个别谈话; several for 集体谈话. */
  interviewees: z.array(talkPartySchema).min(1, '请选择谈话对象').max(200),
  theme: shortText('谈话主题', 300),
  /** SENSITIVE: 谈话人谈的主要内容. */
  interviewerPoints: longText,
  /** SENSITIVE: 谈话对象谈的主要内容. */
  intervieweePoints: longText,
  /** SENSITIVE: 反映的问题 / 意见建议. */
  issues: z.array(talkIssueSchema).max(200),
  /** SENSITIVE: 相互提出的批评意见. */
  criticism: longText,
  /** SENSITIVE: 谈话对象态度 / 表态. */
  attitude: longText,
  followUps: z.array(talkFollowUpSchema).max(100),
  recorderName: shortText('记录人', 50),
  signedByBoth: z.boolean(),
  /** The 组织生活会 / 民主生活会 (meeting id) this talk prepares, if any. */
  lifeMeetingId: idSchema.nullable(),
  classification: z.object({ level: z.enum(CLASSIFICATION_LEVELS), years: z.number().int().min(1).max(30).nullable() }),
  status: z.enum(RECORD_STATUSES),
});
export type TalkFields = z.infer<typeof talkFieldsSchema>;

export const talkSchema = recordMetaSchema.extend(talkFieldsSchema.shape);
export type Talk = z.infer<typeof talkSchema>;

/** The fields that never appear in lists or search snippets. */
export const TALK_SENSITIVE_FIELDS = ['interviewerPoints', 'intervieweePoints', 'issues', 'criticism', 'attitude'] as const;

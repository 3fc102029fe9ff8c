/**
 * The 组织生活会 / 民主生活会 block of a meeting record (domain §2.6, §2.9, §3.1, §3.3).
 * The header, attendance, agenda, signatures and 定稿 of these meetings are the ordinary meeting
 * fields; this block adds what only the annual criticism meetings have.
 *
 * Self-criticism, criticism and 表态 texts are SENSITIVE (talk-like, personal): lists and search
 * snippets never show them; the security issue encrypts them at rest.
 */
import { z } from 'zod';
import { LIFE_HELD_AS, LIFE_PREP_KINDS, LIFE_ROLES } from './enums';
import { dateSchema, idSchema, longText, shortText } from './meta';

/** A record that proves a preparation step (a study meeting, a talk…). */
export const recordLinkSchema = z.object({
  table: z.enum(['meetings', 'talks']),
  id: idSchema,
});
export type RecordLink = z.infer<typeof recordLinkSchema>;

export const lifePrepItemSchema = z.object({
  kind: z.enum(LIFE_PREP_KINDS),
  done: z.boolean(),
  date: dateSchema.optional(),
  note: shortText('说明', 1000),
  links: z.array(recordLinkSchema).max(500),
});
export type LifePrepItem = z.infer<typeof lifePrepItemSchema>;

/** One problem found in self-examination (查摆问题), grouped under this year's aspect. */
export const lifeProblemSchema = z.object({
  id: idSchema,
  aspect: shortText('方面', 60),
  manifestation: longText, // 具体表现
  cause: longText, // 原因剖析
  direction: longText, // 整改方向
  /** The rectification item it produced, or why none (check 27). */
  rectificationId: idSchema.nullable(),
  noRectificationReason: shortText('不列整改的理由', 300),
});
export type LifeProblem = z.infer<typeof lifeProblemSchema>;

/** Criticism received: critic → the block's person. */
export const lifeCriticismSchema = z.object({
  id: idSchema,
  criticId: idSchema.nullable(),
  criticName: shortText('批评人', 50),
  text: longText,
  rectificationId: idSchema.nullable(),
  /** Why this criticism needs no rectification item (check 27); optional so older rows parse. */
  noRectificationReason: shortText('不列整改的理由', 300).optional(),
});
export type LifeCriticism = z.infer<typeof lifeCriticismSchema>;

/** One participant's block (被检查人). */
export const lifeParticipantSchema = z.object({
  id: idSchema,
  memberId: idSchema.nullable(),
  name: shortText('姓名', 50).min(1, '请填写姓名'),
  role: z.enum(LIFE_ROLES),
  /** 对照检查材料 (committee members, team) or 发言提纲 (members) handed in (check 25). */
  paperReady: z.boolean(),
  problems: z.array(lifeProblemSchema).max(200),
  criticisms: z.array(lifeCriticismSchema).max(500),
  response: longText, // 表态 / 回应
});
export type LifeParticipant = z.infer<typeof lifeParticipantSchema>;

export const lifeBlockSchema = z.object({
  /** 年度 the meeting belongs to (may differ from the calendar year of the date: a January round). */
  annualYear: z.number().int().min(1949).max(2200),
  theme: shortText('主题', 200),
  /** 组织生活会 only: held as 党员大会 / 支委会 / 党小组会. */
  heldAs: z.enum(LIFE_HELD_AS).nullable(),
  /** This year's 检视方面 (copied from the settings for the year, editable). */
  aspects: z.array(shortText('方面', 60)).max(30),
  preparation: z.array(lifePrepItemSchema).max(10),
  /** 上年度整改落实情况通报: text the secretary edits; facts are filled from the ledger. */
  lastYearReport: longText,
  /** 支部班子 / 领导班子 对照检查 (the committee's problems as a whole). */
  committeeProblems: z.array(lifeProblemSchema).max(200),
  /** Has the committee's 对照检查材料 been drafted (check 25). */
  committeePaperReady: z.boolean(),
  participants: z.array(lifeParticipantSchema).max(500),
  supervisorName: shortText('上级督导人员', 50),
  supervisorTitle: shortText('督导人员职务', 60),
  supervisorRemarks: longText,
  /** 民主生活会 only: 谈话函询情况说明. */
  enquiries: longText,
  /** When the report went to the higher organisation (check 28). */
  reportFiledDate: dateSchema.optional(),
});
export type LifeBlock = z.infer<typeof lifeBlockSchema>;

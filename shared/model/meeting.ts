import { z } from 'zod';
import {
  CLASSIFICATION_LEVELS,
  MEETING_TYPES,
  MEMBER_STATUSES,
  PARTY_STANDINGS,
  PRESENCES,
  RECORD_STATUSES,
  VOTE_KINDS,
  VOTE_METHODS,
} from './enums';
import { lifeBlockSchema } from './lifeMeeting';
import { dateSchema, idSchema, isoTimeSchema, longText, recordMetaSchema, shortText, timeSchema } from './meta';

/**
 * One line of the attendance list. Member lines snapshot name, status and standing as they were on
 * the meeting date, so moving or promoting a member later never rewrites past attendance.
 */
export const attendanceEntrySchema = z.object({
  id: idSchema,
  kind: z.enum(['member', 'guest']),
  memberId: idSchema.nullable(),
  name: shortText('姓名', 50).min(1, '请填写姓名'),
  /** 职务 / 身份 shown on the sign-in sheet; for guests e.g. 上级党组织督导人员. */
  title: shortText('职务', 60),
  status: z.enum(MEMBER_STATUSES).nullable(),
  standing: z.enum(PARTY_STANDINGS).nullable(),
  /** Sits on the committee whose meeting this is (支委会 quorum). */
  isCommittee: z.boolean(),
  presence: z.enum(PRESENCES),
  /** Why a member was absent or on leave: 公出 / 病假 / 事假 … */
  reason: shortText('缺席原因', 200),
});
export type AttendanceEntry = z.infer<typeof attendanceEntrySchema>;

export const voteSchema = z.object({
  kind: z.enum(VOTE_KINDS),
  method: z.enum(VOTE_METHODS),
  yes: z.number().int().min(0, '票数不能为负数'),
  no: z.number().int().min(0, '票数不能为负数'),
  abstain: z.number().int().min(0, '票数不能为负数'),
  /** Written opinions of absent voting-right members (counted when admitting members). */
  writtenYes: z.number().int().min(0),
  writtenNo: z.number().int().min(0),
  writtenAbstain: z.number().int().min(0),
  /** Who the vote is about (admission, 转正), if anyone. */
  subjectName: shortText('表决对象', 50),
});
export type Vote = z.infer<typeof voteSchema>;

/** A vote with no ballots yet; elections default to a secret ballot. */
export function emptyVote(kind: Vote['kind'] = 'general'): Vote {
  return {
    kind,
    method: kind === 'election' ? 'secret_ballot' : 'show_of_hands',
    yes: 0,
    no: 0,
    abstain: 0,
    writtenYes: 0,
    writtenNo: 0,
    writtenAbstain: 0,
    subjectName: '',
  };
}

export const decisionSchema = z.object({
  id: idSchema,
  text: longText,
  owner: shortText('责任人', 50),
  deadline: dateSchema.optional(),
  vote: voteSchema.nullable(),
});
export type Decision = z.infer<typeof decisionSchema>;

export const speechSchema = z.object({
  id: idSchema,
  speakerId: idSchema.nullable(),
  speakerName: shortText('发言人', 50),
  content: longText,
});
export type Speech = z.infer<typeof speechSchema>;

export const agendaItemSchema = z.object({
  id: idSchema,
  title: shortText('议题', 300),
  speeches: z.array(speechSchema).max(2000),
  decisions: z.array(decisionSchema).max(200),
});
export type AgendaItem = z.infer<typeof agendaItemSchema>;

export const classificationSchema = z.object({
  level: z.enum(CLASSIFICATION_LEVELS),
  /** Secrecy period in years for ★ levels; empty means the statutory maximum. */
  years: z.number().int().min(1).max(30).nullable(),
});
export type Classification = z.infer<typeof classificationSchema>;

export const reopenEntrySchema = z.object({
  at: isoTimeSchema,
  reason: z.string().min(1).max(500),
  by: z.string().max(64),
});

export const lectureSchema = z.object({
  lecturerMemberId: idSchema.nullable(),
  lecturer: shortText('主讲人', 50),
  lecturerTitle: shortText('主讲人职务', 60),
  topic: shortText('题目', 200),
  form: shortText('授课形式', 30),
  outline: longText,
});

export const themeDaySchema = z.object({
  theme: shortText('主题', 200),
  activityForm: shortText('活动形式', 30),
  /** Obligations this day also fulfils (domain §2.5): one event counted once per obligation. */
  alsoCounts: z.array(z.enum(MEETING_TYPES)).max(5),
  agreedItems: longText,
  followUp: longText,
});

export const meetingFieldsSchema = z.object({
  orgId: idSchema,
  type: z.enum(MEETING_TYPES),
  /** Running number within the year and type: 2025年第3次. */
  year: z.number().int().min(1949).max(2200),
  seq: z.number().int().min(1).max(999),
  date: dateSchema,
  startTime: timeSchema.optional(),
  endTime: timeSchema.optional(),
  place: shortText('地点', 120),
  chairId: idSchema.nullable(),
  chairName: shortText('主持人', 50),
  chairTitle: shortText('主持人职务', 60),
  /** When the chair is not the secretary: who delegated, recorded as text. */
  delegation: shortText('委托说明', 300),
  convenerId: idSchema.nullable(),
  convenerName: shortText('召集人', 50),
  recorderId: idSchema.nullable(),
  recorderName: shortText('记录人', 50),
  attendance: z.array(attendanceEntrySchema).max(2000),
  agenda: z.array(agendaItemSchema).max(100),
  summary: longText,
  classification: classificationSchema,
  recordingMethod: z.enum(['summary', 'detailed']),
  lecture: lectureSchema.nullable(),
  themeDay: themeDaySchema.nullable(),
  /**
   * 组织生活会 / 民主生活会 only (added in schema v3): optional so records written before it and
   * transfer files from older versions still parse; read `meeting.life ?? null`.
   */
  life: lifeBlockSchema.nullable().optional(),
  status: z.enum(RECORD_STATUSES),
  finalisedAt: isoTimeSchema.nullable(),
  reopenLog: z.array(reopenEntrySchema).max(100),
  /** Signed on paper (checkbox) and the date it was signed. */
  chairSigned: z.boolean(),
  recorderSigned: z.boolean(),
});
export type MeetingFields = z.infer<typeof meetingFieldsSchema>;

export const meetingSchema = recordMetaSchema.extend(meetingFieldsSchema.shape);
export type Meeting = z.infer<typeof meetingSchema>;

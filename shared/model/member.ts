import { z } from 'zod';
import { MEMBER_STATUSES, PARTY_STANDINGS } from './enums';
import { dateSchema, idSchema, recordMetaSchema, shortText } from './meta';

/** A period in which the member belonged to a branch (and maybe a 党小组). Moves close one and open another. */
export const membershipPeriodSchema = z.object({
  branchId: idSchema,
  groupId: idSchema.nullable(),
  from: dateSchema,
  /** Last day in that branch; absent while current. */
  to: dateSchema.optional(),
});
export type MembershipPeriod = z.infer<typeof membershipPeriodSchema>;

/** Status changes over time, so the roster "as it was on the meeting date" can be rebuilt. */
export const statusPeriodSchema = z.object({
  status: z.enum(MEMBER_STATUSES),
  from: dateSchema,
});

export const memberFieldsSchema = z.object({
  name: shortText('姓名', 50).min(1, '请填写姓名'),
  gender: z.enum(['男', '女']).optional(),
  ethnicity: shortText('民族', 20).optional(),
  birthDate: dateSchema.optional(),
  /** 公民身份号码: optional (data minimisation, domain §6.7), masked in lists. */
  idNumber: z
    .string()
    .regex(/^(\d{15}|\d{17}[\dXx])$/, '身份证号应为 18 位（最后一位可为 X），或旧版 15 位数字')
    .optional(),
  nativePlace: shortText('籍贯', 60).optional(),
  education: shortText('学历', 30).optional(),
  workStartDate: dateSchema.optional(),
  department: shortText('工作部门', 60).optional(),
  adminPost: shortText('行政职务', 60).optional(),
  title: shortText('职称', 60).optional(),
  personnelCategory: shortText('人员类别', 30).optional(),

  status: z.enum(MEMBER_STATUSES),
  statusHistory: z.array(statusPeriodSchema).max(20),
  standing: z.enum(PARTY_STANDINGS),
  joinDate: dateSchema.optional(),
  fullMemberDate: dateSchema.optional(),
  activistDate: dateSchema.optional(),
  candidateDate: dateSchema.optional(),
  sponsors: shortText('入党介绍人', 60).optional(),
  /** Current branch and group; memberships keeps the history. */
  branchId: idSchema,
  groupId: idSchema.nullable(),
  memberships: z.array(membershipPeriodSchema).min(1).max(50),
  partyPost: shortText('党内职务', 60).optional(),
  isLeadingCadre: z.boolean(),
  isMobile: z.boolean(),
  mobileNote: shortText('流动情况', 200).optional(),
  isLostContact: z.boolean(),
  transferInDate: dateSchema.optional(),
  transferOutDate: dateSchema.optional(),
  phone: shortText('联系电话', 30).optional(),
  address: shortText('现居住地', 120).optional(),
  duesMonthly: z.number().nonnegative().max(100000).optional(),
  duesPaidUntil: z.string().regex(/^\d{4}-\d{2}$/).optional(),
  note: shortText('备注', 2000).optional(),
});
export type MemberFields = z.infer<typeof memberFieldsSchema>;

export const memberSchema = recordMetaSchema.extend(memberFieldsSchema.shape);
export type Member = z.infer<typeof memberSchema>;

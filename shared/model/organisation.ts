import { z } from 'zod';
import { COMMITTEE_ROLES, ORG_LEVELS } from './enums';
import { dateSchema, idSchema, recordMetaSchema, shortText } from './meta';

export const committeeSeatSchema = z.object({
  memberId: idSchema,
  role: z.enum(COMMITTEE_ROLES),
  /** When this person took the seat; seats ended by 换届 keep their end date. */
  from: dateSchema.optional(),
  to: dateSchema.optional(),
});
export type CommitteeSeat = z.infer<typeof committeeSeatSchema>;

export const organisationFieldsSchema = z.object({
  parentId: idSchema.nullable(),
  level: z.enum(ORG_LEVELS),
  /** Short name used in lists: 第一党支部. */
  name: shortText('组织简称', 60).min(1, '请填写组织简称'),
  /** Full name as printed on documents: 中共××局机关第一党支部委员会. */
  fullName: shortText('组织全称', 120).min(1, '请填写组织全称（打印在记录标题上）'),
  /** Order among siblings in the tree. */
  order: z.number().int(),
  /** Branch committee (支委会) seats, or the 组长 of a 党小组 (role secretary). */
  committee: z.array(committeeSeatSchema).max(50),
  termStart: dateSchema.optional(),
  termEnd: dateSchema.optional(),
  note: shortText('备注', 2000).optional(),
});
export type OrganisationFields = z.infer<typeof organisationFieldsSchema>;

export const organisationSchema = recordMetaSchema.extend(organisationFieldsSchema.shape);
export type Organisation = z.infer<typeof organisationSchema>;

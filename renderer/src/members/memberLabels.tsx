/** Tags and labels for the roster. */
import { Space, Tag } from 'antd';
import { MEMBER_STATUS_LABELS, PARTY_STANDING_LABELS, type Member, type MemberStatus } from '../../../shared/model';

export const STATUS_COLORS: Record<MemberStatus, string> = {
  full: 'red',
  probationary: 'volcano',
  candidate: 'gold',
  activist: 'blue',
  applicant: 'default',
};

export function MemberTags({ m }: { m: Member }) {
  return (
    <Space size={[4, 4]} wrap>
      <Tag color={STATUS_COLORS[m.status]}>{MEMBER_STATUS_LABELS[m.status]}</Tag>
      {m.standing === 'probation_sanction' && <Tag color="magenta">留党察看</Tag>}
      {m.standing !== 'normal' && m.standing !== 'probation_sanction' && <Tag>{PARTY_STANDING_LABELS[m.standing]}</Tag>}
      {m.isMobile && <Tag color="cyan">流动党员</Tag>}
      {m.isLostContact && <Tag color="orange">失联</Tag>}
      {m.isLeadingCadre && <Tag color="purple">党员领导干部</Tag>}
    </Space>
  );
}

export const EDUCATION_OPTIONS = ['研究生', '大学本科', '大学专科', '中专', '高中', '初中及以下'].map((value) => ({ value }));
export const CATEGORY_OPTIONS = ['公务员', '参照公务员法管理人员', '事业人员', '工勤人员', '离退休人员', '其他'].map((value) => ({ value }));
export const ETHNICITY_OPTIONS = ['汉族', '回族', '满族', '蒙古族', '壮族', '藏族', '维吾尔族', '苗族', '彝族', '土家族', '朝鲜族'].map((value) => ({ value }));

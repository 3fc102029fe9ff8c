/** The 支委会 hint of domain §1.2, from the number of 正式党员 and the current seats. */
import type { CommitteeSeat, OrgLevel } from '../../../shared/model';

export interface Advice {
  type: 'info' | 'warning' | 'success';
  text: string;
}

export function committeeAdvice(level: OrgLevel, fullMembers: number, currentSeats: readonly CommitteeSeat[]): Advice {
  const n = currentSeats.length;
  if (level === 'group') {
    const leaders = currentSeats.filter((s) => s.role === 'secretary').length;
    return leaders
      ? { type: 'success', text: '党小组已设组长。' }
      : { type: 'warning', text: '党小组应设组长 1 名（由支部指定或小组党员推荐），请点“添加组长”。' };
  }
  const hasSecretary = currentSeats.some((s) => s.role === 'secretary');
  if (fullMembers >= 7) {
    const base = `本支部有 ${fullMembers} 名正式党员，应设立支部委员会，委员 3 至 5 名（一般不超过 7 名），设书记，必要时设副书记。`;
    if (n < 3) return { type: 'warning', text: `${base}目前只有 ${n} 名现任支委，请补充。` };
    if (n > 7) return { type: 'warning', text: `${base}目前有 ${n} 名现任支委，超过一般上限，请核对。` };
    if (!hasSecretary) return { type: 'warning', text: `${base}目前还没有现任书记，请补充。` };
    return { type: 'success', text: `${base}目前有 ${n} 名现任支委，符合规定。` };
  }
  const small = fullMembers < 3 ? '正式党员不足 3 名，按规定一般应与邻近单位组建联合党支部。' : '';
  const base = `本支部有 ${fullMembers} 名正式党员（不足 7 名），不设支部委员会，只设书记 1 名，必要时设副书记 1 名。${small}`;
  const extra = currentSeats.filter((s) => s.role !== 'secretary' && s.role !== 'deputy_secretary').length;
  if (extra) return { type: 'warning', text: `${base}目前登记了 ${extra} 名其他委员，请核对。` };
  if (!hasSecretary) return { type: 'warning', text: `${base}目前还没有现任书记，请点“添加支委”登记书记。` };
  return { type: 'info', text: base };
}

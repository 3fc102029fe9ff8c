/**
 * What the talk editor tells the secretary about a 谈心谈话记录 (pure). Errors are things that make
 * the record wrong (谈话人和谈话对象是同一人); warnings are gaps worth filling before printing.
 * `field` is the editor's data-field path, so a click on the message focuses the input.
 */
import type { TalkFields } from '../../../shared/model';

export interface TalkIssue {
  severity: 'error' | 'warning';
  field: string;
  message: string;
}

function samePerson(a: TalkFields['interviewer'], b: TalkFields['interviewer']): boolean {
  if (a.memberId && b.memberId) return a.memberId === b.memberId;
  return !!a.name.trim() && a.name.trim() === b.name.trim();
}

export function checkTalk(t: TalkFields): TalkIssue[] {
  const out: TalkIssue[] = [];
  const err = (field: string, message: string) => out.push({ severity: 'error', field, message });
  const warn = (field: string, message: string) => out.push({ severity: 'warning', field, message });

  if (!t.interviewer.name.trim()) err('interviewer', '请选择或填写谈话人');
  if (t.interviewees.length === 0 || t.interviewees.every((p) => !p.name.trim())) err('interviewees', '请选择或填写谈话对象');
  t.interviewees.forEach((p, i) => {
    if (t.interviewer.name.trim() && samePerson(t.interviewer, p)) {
      err(`interviewees.${i}`, `谈话人和谈话对象不能是同一人（${p.name}）。请重新选择谈话对象，或更换谈话人`);
    }
  });
  const seen = new Set<string>();
  t.interviewees.forEach((p, i) => {
    const k = p.memberId ?? `name:${p.name.trim()}`;
    if (p.name.trim() && seen.has(k)) err(`interviewees.${i}`, `谈话对象“${p.name}”重复选择了，请删除重复的一行`);
    seen.add(k);
  });
  if (t.form === 'individual' && t.interviewees.length > 1) err('form', '个别谈话只能有一名谈话对象；多人请选择“集体谈话”');
  if (t.type === 'five_musts' && !t.fiveMust) err('fiveMust', '谈话类型为“五必谈”时，请选择属于哪一种情形');
  if (t.startTime && t.endTime && t.endTime <= t.startTime) err('endTime', '结束时间应晚于开始时间');
  if (!t.place.trim()) warn('place', '请填写谈话地点');
  if (!t.theme.trim()) warn('theme', '请填写谈话主题或提纲');
  if (!t.interviewerPoints.trim() && !t.intervieweePoints.trim()) warn('interviewerPoints', '还没有记录谈话主要内容');
  if (t.type === 'pre_meeting' && !t.lifeMeetingId) warn('lifeMeetingId', '组织生活会前谈心请选择所准备的组织生活会，才能计入谈话覆盖情况');
  t.followUps.forEach((f) => {
    if (!f.what.trim()) warn(`followUps.${f.id}.what`, '后续跟进事项未填写内容');
  });
  return out;
}

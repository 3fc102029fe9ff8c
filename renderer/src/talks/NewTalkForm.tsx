/** Who talks with whom, before a new talk record is created (a record always names both). */
import { useState } from 'react';
import { Button, Card, Form, Select } from 'antd';
import { OrgTreeSelect } from '../common/OrgTreeSelect';
import { useOrgPeople } from '../records/useOrgPeople';
import type { TalkPrefill } from './newTalk';

export function NewTalkForm({ initial, onSubmit }: { initial: TalkPrefill; onSubmit: (p: TalkPrefill) => void }) {
  const [orgId, setOrgId] = useState<string | null>(initial.orgId);
  const [interviewer, setInterviewer] = useState<string | null>(initial.interviewerId);
  const [interviewees, setInterviewees] = useState<string[]>(initial.intervieweeIds);
  const [tried, setTried] = useState(false);
  const people = useOrgPeople(orgId) ?? [];
  const options = people.map((p) => ({ value: p.memberId, label: `${p.label}（${p.post}）` }));
  const same = !!interviewer && interviewees.includes(interviewer);
  const orgMsg = tried && !orgId ? '请选择党组织' : undefined;
  const aMsg = tried && !interviewer ? '请选择谈话人' : undefined;
  const bMsg = same ? '谈话人和谈话对象不能是同一人，请重新选择' : tried && interviewees.length === 0 ? '请选择谈话对象（可多选，多人即为集体谈话）' : undefined;
  return (
    <Card size="small" style={{ maxWidth: 640 }}>
      <Form layout="vertical" component="div">
        <Form.Item label="党组织" htmlFor="new-talk-org" required validateStatus={orgMsg ? 'error' : undefined} help={orgMsg}>
          <OrgTreeSelect id="new-talk-org" value={orgId} selectableLevels={['branch', 'group']} onChange={(v) => setOrgId(v ?? null)} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item label="谈话人" htmlFor="new-talk-interviewer" required validateStatus={aMsg ? 'error' : undefined} help={aMsg}>
          <Select
            id="new-talk-interviewer"
            value={interviewer ?? undefined}
            options={options}
            placeholder={orgId ? '选择谈话人' : '请先选择党组织'}
            showSearch={{ optionFilterProp: 'label' }}
            onChange={(v: string) => setInterviewer(v)}
          />
        </Form.Item>
        <Form.Item label="谈话对象" htmlFor="new-talk-interviewees" required validateStatus={bMsg ? 'error' : undefined} help={bMsg}>
          <Select
            id="new-talk-interviewees"
            mode="multiple"
            value={interviewees}
            options={options}
            placeholder={orgId ? '选择谈话对象（可多选）' : '请先选择党组织'}
            showSearch={{ optionFilterProp: 'label' }}
            onChange={(v: string[]) => setInterviewees(v)}
          />
        </Form.Item>
        <Button
          type="primary"
          onClick={() => {
            setTried(true);
            if (!orgId || !interviewer || interviewees.length === 0 || same) return;
            onSubmit({ ...initial, orgId, interviewerId: interviewer, intervieweeIds: interviewees });
          }}
        >
          开始记录
        </Button>
      </Form>
    </Card>
  );
}

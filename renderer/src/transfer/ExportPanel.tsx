/** 导出: choose what, set the transfer password, export one .pmx file (to a USB drive). */
import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Card, DatePicker, Descriptions, Form, Input, Progress, Radio, Result, Select, Space, TreeSelect, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { getHost } from '../../host';
import { collectRecords, exportAndSave, MIN_TRANSFER_PASSWORD_LENGTH, STAGE_LABELS, type ExportScope, type Progress as P } from '../../transfer';
import { useDb } from '../dbContext';
import { errorText } from '../common/errors';
import { orgTreeData } from '../common/OrgTreeSelect';
import { useOrganisations } from '../common/useOrganisations';
import { fromDayjs } from '../common/dates';
import { PasswordFields } from './PasswordFields';
import { confirmClassifiedExport } from '../security/confirmClassifiedExport';

interface Values {
  scopeKind: 'all' | 'orgs' | 'dates';
  orgIds?: string[];
  range?: [Dayjs, Dayjs];
  cipher: 'AES-256-GCM' | 'SM4-GCM';
  password: string;
  confirm: string;
  classification?: string;
  note?: string;
  operator?: string;
  medium?: string;
}

const CLASSIFICATIONS = ['内部', '工作秘密'];

function toScope(v: Partial<Values>): ExportScope | null {
  if (v.scopeKind === 'orgs') return v.orgIds?.length ? { kind: 'orgs', orgIds: v.orgIds } : null;
  if (v.scopeKind === 'dates') {
    const from = fromDayjs(v.range?.[0]);
    const to = fromDayjs(v.range?.[1]);
    return from && to ? { kind: 'dates', from, to } : null;
  }
  return { kind: 'all' };
}

export function ExportPanel() {
  const db = useDb();
  const orgs = useOrganisations();
  const [form] = Form.useForm<Values>();
  const { modal } = App.useApp();
  const scopeKind = Form.useWatch('scopeKind', form);
  const orgIds = Form.useWatch('orgIds', form);
  const range = Form.useWatch('range', form);
  const scope = useMemo(() => toScope({ scopeKind, orgIds, range }), [scopeKind, orgIds, range]);
  const [counts, setCounts] = useState<Record<string, number> | null>(null);
  const [progress, setProgress] = useState<P | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<{ fileName: string; sha256: string; counts: Record<string, number>; saved: boolean } | null>(null);

  useEffect(() => {
    let live = true;
    setCounts(null);
    if (scope) void collectRecords(db, scope).then((c) => live && setCounts(c.counts), () => undefined);
    return () => {
      live = false;
    };
  }, [db, scope]);

  const treeData = useMemo(() => (orgs ? orgTreeData(orgs) : []), [orgs]);

  const submit = async (v: Values) => {
    const s = toScope(v);
    if (!s) return;
    if (!(await confirmClassifiedExport(db, s, modal))) return;
    setError(null);
    setDone(null);
    setProgress({ stage: 'collect', fraction: 0 });
    try {
      const label = v.classification || v.note?.trim() ? { ...(v.classification ? { classification: v.classification } : {}), ...(v.note?.trim() ? { note: v.note.trim() } : {}) } : undefined;
      const r = await exportAndSave(db, getHost(), {
        scope: s,
        password: v.password,
        cipher: v.cipher,
        label,
        operator: v.operator,
        medium: v.medium,
        onProgress: setProgress,
      });
      setDone({ fileName: r.fileName, sha256: r.result.sha256, counts: r.result.counts, saved: r.saved });
      form.resetFields(['password', 'confirm']);
    } catch (e) {
      setError(errorText(e, '导出'));
    } finally {
      setProgress(null);
    }
  };

  if (done) {
    return (
      <Result
        status={done.saved ? 'success' : 'info'}
        title={done.saved ? '导出完成' : '已取消保存'}
        subTitle={
          done.saved
            ? `文件“${done.fileName}”已保存。请把传输密码另行告诉接收方（电话或当面），不要写在 U 盘上。`
            : '文件没有保存。需要时请重新导出。'
        }
        extra={[
          <Button key="again" type="primary" onClick={() => setDone(null)}>
            继续导出
          </Button>,
        ]}
      >
        {done.saved && (
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label="导出内容">{`党组织 ${done.counts.organisations} 个、党员 ${done.counts.members} 名、会议记录 ${done.counts.meetings} 条`}</Descriptions.Item>
            <Descriptions.Item label="文件校验码（SHA-256）">
              <Typography.Text copyable style={{ fontFamily: 'monospace', fontSize: 12, wordBreak: 'break-all' }}>
                {done.sha256}
              </Typography.Text>
            </Descriptions.Item>
          </Descriptions>
        )}
      </Result>
    );
  }

  const busy = progress !== null;
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={{ scopeKind: 'all', cipher: 'AES-256-GCM', classification: '内部' }}
      onFinish={submit}
      disabled={busy}
      style={{ maxWidth: 720 }}
    >
      <Card title="1. 导出哪些记录" size="small" style={{ marginBottom: 16 }}>
        <Form.Item name="scopeKind" style={{ marginBottom: 12 }}>
          <Radio.Group
            options={[
              { value: 'all', label: '全部记录' },
              { value: 'orgs', label: '选定的党组织（含下级组织）' },
              { value: 'dates', label: '按会议日期' },
            ]}
          />
        </Form.Item>
        {scopeKind === 'orgs' && (
          <Form.Item name="orgIds" label="党组织" rules={[{ required: true, message: '请至少选择一个党组织' }]}>
            <TreeSelect multiple treeDefaultExpandAll treeData={treeData} placeholder="选择要导出的党组织（可多选）" aria-label="党组织" />
          </Form.Item>
        )}
        {scopeKind === 'dates' && (
          <Form.Item name="range" label="会议日期" rules={[{ required: true, message: '请选择开始和结束日期' }]} extra="党组织和党员花名册会一并导出，以便对方正确显示。">
            <DatePicker.RangePicker aria-label="会议日期" />
          </Form.Item>
        )}
        <Typography.Text type="secondary">
          {counts
            ? `将导出：党组织 ${counts.organisations} 个、党员 ${counts.members} 名、会议记录 ${counts.meetings} 条（含回收站中的记录，对方的删除也会随之同步）。`
            : scope
              ? '正在统计…'
              : '请先选择范围。'}
        </Typography.Text>
      </Card>

      <Card title="2. 设置传输密码" size="small" style={{ marginBottom: 16 }}>
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="请牢记传输密码：密码遗失后，任何人（包括软件开发者）都无法打开这个文件。"
          description="接收方导入时需要输入同一个密码。请通过电话或当面告知，不要把密码写在 U 盘或文件名里。"
        />
        <PasswordFields label="传输密码" minLength={MIN_TRANSFER_PASSWORD_LENGTH} />
        <Form.Item name="cipher" label="加密方式" extra="两种方式都可以；单位要求使用国密算法时选择 SM4。">
          <Select
            aria-label="加密方式"
            options={[
              { value: 'AES-256-GCM', label: 'AES-256（通用）' },
              { value: 'SM4-GCM', label: 'SM4（国密）' },
            ]}
            style={{ maxWidth: 260 }}
          />
        </Form.Item>
      </Card>

      <Card title="3. 文件标注（可选，不输入密码也能看到）" size="small" style={{ marginBottom: 16 }}>
        <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
          标注写在文件开头，不加密，方便对方和保密管理人员识别文件。请不要在这里写具体内容。本软件不能用于处理国家秘密；涉密内容请按本单位涉密载体管理规定办理。
        </Typography.Paragraph>
        <Space wrap size={16} align="start">
          <Form.Item name="classification" label="标注" style={{ minWidth: 160 }}>
            <Select allowClear aria-label="标注" placeholder="不标注" options={CLASSIFICATIONS.map((c) => ({ value: c, label: c }))} />
          </Form.Item>
          <Form.Item name="note" label="说明" rules={[{ max: 200, message: '说明不超过 200 字' }]} style={{ minWidth: 360 }}>
            <Input placeholder="例如：第一党支部 2025 年 3 月记录" aria-label="说明" />
          </Form.Item>
        </Space>
      </Card>

      <Card title="4. 经办信息（可选，只记入本机的操作记录，不写进文件）" size="small" style={{ marginBottom: 16 }}>
        <Space wrap size={16} align="start">
          <Form.Item name="operator" label="经办人" style={{ minWidth: 200, marginBottom: 0 }}>
            <Input placeholder="姓名" aria-label="经办人" maxLength={50} />
          </Form.Item>
          <Form.Item name="medium" label="U 盘编号" style={{ minWidth: 200, marginBottom: 0 }}>
            <Input placeholder="例如：机关党委-U03" aria-label="U盘编号" maxLength={100} />
          </Form.Item>
        </Space>
      </Card>

      {error && <Alert type="error" showIcon title="导出没有完成" description={error} style={{ marginBottom: 16 }} />}
      {busy && (
        <div style={{ marginBottom: 16 }} aria-live="polite">
          <Typography.Text>{STAGE_LABELS[progress.stage]}…</Typography.Text>
          <Progress percent={Math.round(progress.fraction * 100)} status="active" />
        </div>
      )}
      <Button type="primary" htmlType="submit" size="large" loading={busy} disabled={!scope || busy}>
        导出为 .pmx 文件
      </Button>
    </Form>
  );
}

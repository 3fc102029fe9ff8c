/**
 * 审计日志 viewer (domain §6.5): read-only. Filters (time, event type, result), a paginated table,
 * the chain check that points at the first altered or missing entry, export (.pmx checkpoint /
 * Word), and removal of entries past the retention period only after an exported checkpoint.
 */
import { useMemo, useState } from 'react';
import { Alert, App, Button, DatePicker, Flex, Form, Input, Modal, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useLiveQuery } from 'dexie-react-hooks';
import type { ChainCheck } from '../../../shared/security/auditChain';
import type { AuditLogRow } from '../../db';
import { checkAuditChain, lastCheckpoint, listAudit, pruneAuditLog, TABLE_NAMES } from '../../security/auditLog';
import { auditKindLabel, exportAuditDocx, exportAuditPmx, localTime } from '../../security/auditExport';
import { getSecurityConfig } from '../../security/config';
import { useDb } from '../dbContext';
import { errorText } from '../common/errors';

const PAGE_SIZE = 20;

/** "talks:<uuid>" → "谈心谈话 1a2b3c4d" (the full id stays in the exported files). */
function targetLabel(target: string): string {
  const m = /^(\w+):(.+)$/.exec(target);
  if (!m || !TABLE_NAMES[m[1]]) return target;
  return `${TABLE_NAMES[m[1]]} ${m[2] === '*' ? '（整表）' : m[2].slice(0, 8)}`;
}

const GROUPS: { value: string; label: string }[] = [
  { value: 'app', label: '启动、锁定与解锁' },
  { value: 'record', label: '记录的新建、修改、删除、定稿' },
  { value: 'transfer', label: '导出、导入、备份、恢复' },
  { value: 'word', label: '导出 Word / 打印' },
  { value: 'settings', label: '修改设置' },
  { value: 'password', label: '启动密码' },
  { value: 'encryption', label: '敏感数据加密' },
  { value: 'audit', label: '审计日志导出与清理' },
];

function ExportPmxDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const db = useDb();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ password: string; confirm: string; cipher: 'AES-256-GCM' | 'SM4-GCM' }>();
  const [busy, setBusy] = useState(false);
  return (
    <Modal
      open={open}
      title="导出审计日志（加密文件）"
      okText="导出"
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={() => !busy && onClose()}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">导出全部审计记录，保存为加密的 .pmx 文件，请妥善保管文件和密码。导出后，超过保留期限的旧记录才可以清理。</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ cipher: 'AES-256-GCM' }}
        disabled={busy}
        onFinish={async (v) => {
          setBusy(true);
          try {
            const r = await exportAuditPmx(db, v.password, v.cipher);
            if (r.saved) message.success(`已导出 ${r.count} 条审计记录：${r.fileName}`);
            onClose();
          } catch (e) {
            message.error(errorText(e, '导出审计日志'));
          } finally {
            setBusy(false);
          }
        }}
      >
        <Form.Item name="password" label="文件密码" rules={[{ required: true, message: '请设置文件密码' }, { min: 8, message: '文件密码至少 8 位' }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label="再次输入文件密码"
          dependencies={['password']}
          rules={[{ required: true, message: '请再次输入' }, ({ getFieldValue }) => ({ validator: async (_, v) => { if (v !== getFieldValue('password')) throw new Error('两次输入的密码不一致'); } })]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item name="cipher" label="加密方式">
          <Radio.Group options={[{ value: 'AES-256-GCM', label: 'AES-256' }, { value: 'SM4-GCM', label: 'SM4（国密）' }]} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function AuditLogPage() {
  const db = useDb();
  const { message, modal } = App.useApp();
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [groups, setGroups] = useState<string[]>([]);
  const [result, setResult] = useState<'all' | 'ok' | 'failed'>('all');
  const [page, setPage] = useState(1);
  const [check, setCheck] = useState<ChainCheck | null>(null);
  const [checking, setChecking] = useState(false);
  const [pmxOpen, setPmxOpen] = useState(false);

  const filter = useMemo(() => ({
    from: range?.[0]?.startOf('day').toISOString(),
    to: range?.[1]?.endOf('day').toISOString(),
    kinds: groups,
    ok: result === 'all' ? undefined : result === 'ok',
  }), [range, groups, result]);
  const rows = useLiveQuery(() => listAudit(db, filter), [db, filter]);

  const runCheck = async () => {
    setChecking(true);
    try {
      const c = await checkAuditChain(db);
      setCheck(c);
      if (!c.ok && c.firstBadSeq !== null && rows) {
        // Show the page holding the first bad entry (or where it would be), with no filter.
        setRange(null);
        setGroups([]);
        setResult('all');
        const all = await listAudit(db);
        const idx = all.findIndex((r) => r.seq <= c.firstBadSeq!);
        setPage(Math.floor(Math.max(0, idx) / PAGE_SIZE) + 1);
      }
    } catch (e) {
      message.error(errorText(e, '校验审计日志'));
    } finally {
      setChecking(false);
    }
  };

  const prune = async () => {
    const [cfg, cp] = await Promise.all([getSecurityConfig(db), lastCheckpoint(db)]);
    if (!cp) {
      message.warning('请先“导出加密文件”备份审计日志，导出后才能清理过期记录');
      return;
    }
    modal.confirm({
      title: '清理过期审计记录',
      content: `将清理 ${cfg.auditRetentionMonths} 个月以前、且已包含在 ${cp.at.slice(0, 10)} 导出文件中的记录。清理会留下记录，校验时从保留的锚点继续。`,
      okText: '清理',
      cancelText: '取消',
      onOk: async () => {
        try {
          const n = await pruneAuditLog(db, cfg.auditRetentionMonths);
          message.info(n ? `已清理 ${n} 条过期记录` : '没有可清理的记录（未超过保留期限，或尚未导出）');
        } catch (e) {
          message.error(errorText(e, '清理审计日志'));
        }
      },
    });
  };

  const exportWord = async () => {
    if (!rows) return;
    try {
      const period = filter.from || filter.to ? `${filter.from ? localTime(filter.from).slice(0, 10) : '最早'} 至 ${filter.to ? localTime(filter.to).slice(0, 10) : '现在'}` : '全部';
      const r = await exportAuditDocx(db, rows, period);
      if (r.saved) message.success(`已导出：${r.fileName}`);
    } catch (e) {
      message.error(errorText(e, '导出 Word'));
    }
  };

  const bad = check && !check.ok ? check.firstBadSeq : null;

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>审计日志</Typography.Title>
        <Space wrap>
          <Button type="primary" loading={checking} onClick={() => void runCheck()}>校验完整性</Button>
          <Button onClick={() => setPmxOpen(true)}>导出加密文件</Button>
          <Button onClick={() => void exportWord()}>导出 Word（打印）</Button>
          <Button onClick={() => void prune()}>清理过期记录</Button>
        </Space>
      </Flex>
      <Typography.Text type="secondary">
        记录本机的启动、锁定解锁、记录增删改与定稿、导出导入、打印和设置修改（不含记录内容）。每条记录都带有前一条的哈希值，任何改动或删除都能被校验发现。审计日志只能查看，不能修改或删除。
      </Typography.Text>
      {check && (
        <Alert
          type={check.ok ? 'success' : 'error'}
          showIcon
          data-testid="audit-check"
          title={check.ok ? `校验通过：${check.message}` : `校验未通过：${check.message}`}
          description={check.ok ? undefined : '从这一条起的记录不可信。请保留现场，联系单位保密或信息化管理员核查。'}
        />
      )}
      <Space wrap>
        <DatePicker.RangePicker value={range} onChange={(v) => { setRange(v); setPage(1); }} placeholder={['开始日期', '结束日期']} />
        <Select
          mode="multiple"
          allowClear
          placeholder="全部事件"
          style={{ minWidth: 260 }}
          value={groups}
          onChange={(v) => { setGroups(v); setPage(1); }}
          options={GROUPS}
          aria-label="事件类型"
        />
        <Radio.Group
          value={result}
          onChange={(e) => { setResult(e.target.value as typeof result); setPage(1); }}
          options={[{ value: 'all', label: '全部' }, { value: 'ok', label: '成功' }, { value: 'failed', label: '失败' }]}
          optionType="button"
        />
      </Space>
      <Table<AuditLogRow>
        rowKey="seq"
        size="small"
        loading={rows === undefined}
        dataSource={rows ?? []}
        pagination={{ current: page, pageSize: PAGE_SIZE, onChange: setPage, showSizeChanger: false, showTotal: (n) => `共 ${n} 条` }}
        rowClassName={(r) => (bad !== null && r.seq === bad ? 'pm-audit-bad' : '')}
        onRow={(r) => (bad !== null && r.seq === bad ? { style: { background: '#fff1f0' }, 'data-bad': 'true' } as React.HTMLAttributes<HTMLElement> : {})}
        columns={[
          { title: '序号', dataIndex: 'seq', width: 70 },
          { title: '时间', dataIndex: 'at', width: 170, render: (v: string) => localTime(v) },
          { title: '事件', dataIndex: 'kind', width: 150, render: (v: string) => auditKindLabel(v) },
          { title: '对象', dataIndex: 'target', width: 220, ellipsis: true, render: (v: string) => targetLabel(v) },
          { title: '结果', dataIndex: 'ok', width: 70, render: (ok: boolean) => (ok ? <Tag color="green">成功</Tag> : <Tag color="red">失败</Tag>) },
          { title: '操作人', dataIndex: 'actor', width: 100 },
          { title: '详情', dataIndex: 'detail', ellipsis: true },
        ]}
      />
      <ExportPmxDialog open={pmxOpen} onClose={() => setPmxOpen(false)} />
    </Flex>
  );
}


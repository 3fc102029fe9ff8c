/**
 * 设置 → 安全: 启动密码 (policy, set / change / remove, lock now), idle lock, 国密 profile, audit
 * retention, and 敏感数据加密 with its migration progress.
 */
import { useCallback, useEffect, useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Flex, Form, Input, InputNumber, Modal, Progress, Select, Space, Switch, Typography } from 'antd';
import { passwordDueAt, passwordProblems, POLICY_IDS, POLICY_LABELS, POLICY_PRESETS, type PolicyId } from '../../../shared/security/passwordPolicy';
import {
  changePassword, disableEncryption, enableEncryption, lock, removePassword, saveSecurityConfig, securityStatus, setPassword,
  type MigrationProgress, type SecurityStatus,
} from '../../security/appLock';
import { TABLE_NAMES } from '../../security/auditLog';
import type { SecurityConfig } from '../../security/config';
import { useDb } from '../dbContext';
import { errorText } from '../common/errors';
import { useLockState } from './useSecurity';

export const APP_LOCK_NOTICE = '启动密码只防止他人打开本软件；开启下方的‘敏感数据加密’后，谈话内容、批评意见和身份证号才会加密保存';

type PasswordAction = 'set' | 'change' | 'remove' | 'encrypt-on' | 'encrypt-off';

const ACTION_TITLES: Record<PasswordAction, string> = {
  set: '设置启动密码',
  change: '修改启动密码',
  remove: '取消启动密码',
  'encrypt-on': '开启敏感数据加密',
  'encrypt-off': '关闭敏感数据加密',
};

interface PasswordValues {
  current?: string;
  next?: string;
  confirm?: string;
}

function PasswordDialog({ action, config, onClose }: { action: PasswordAction | null; config: SecurityConfig; onClose: () => void }) {
  const db = useDb();
  const { message } = App.useApp();
  const [form] = Form.useForm<PasswordValues>();
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<MigrationProgress | null>(null);
  const [error, setError] = useState<string | null>(null);
  const needsCurrent = action !== null && action !== 'set';
  const needsNew = action === 'set' || action === 'change';

  useEffect(() => {
    form.resetFields();
    setError(null);
    setProgress(null);
  }, [action, form]);

  const submit = async (v: PasswordValues) => {
    if (!action) return;
    setBusy(true);
    setError(null);
    try {
      const cur = v.current ?? '';
      if (action === 'set') await setPassword(db, v.next ?? '');
      if (action === 'change') await changePassword(db, cur, v.next ?? '');
      if (action === 'remove') await removePassword(db, cur);
      if (action === 'encrypt-on') await enableEncryption(db, cur, setProgress);
      if (action === 'encrypt-off') await disableEncryption(db, cur, setProgress);
      message.success(`${ACTION_TITLES[action]}：已完成`);
      onClose();
    } catch (e) {
      setError(errorText(e, ACTION_TITLES[action]));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={action !== null}
      title={action ? ACTION_TITLES[action] : ''}
      okText="确定"
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={() => !busy && onClose()}
      maskClosable={false}
      destroyOnHidden
    >
      <Form<PasswordValues> form={form} layout="vertical" onFinish={submit} disabled={busy}>
        {action === 'encrypt-on' && (
          <Alert type="info" showIcon style={{ marginBottom: 12 }} title="开启后，谈话内容、批评与自我批评、表态、民主评议意见和身份证号将加密保存在本机。忘记启动密码将无法再读取这些内容。" />
        )}
        {needsCurrent && (
          <Form.Item name="current" label="当前启动密码" rules={[{ required: true, message: '请输入当前启动密码' }]}>
            <Input.Password autoComplete="current-password" autoFocus />
          </Form.Item>
        )}
        {needsNew && (
          <>
            <Form.Item
              name="next"
              label="新密码"
              extra={POLICY_LABELS[config.policy.id] + (config.policy.id === 'custom' ? `：至少 ${config.policy.minLength} 位，含 ${config.policy.minClasses} 类字符` : '')}
              rules={[
                { required: true, message: '请输入新密码' },
                { validator: async (_, value: string | undefined) => { const p = passwordProblems(value ?? '', config.policy); if (p.length) throw new Error(p.join('；')); } },
              ]}
            >
              <Input.Password autoComplete="new-password" autoFocus={!needsCurrent} />
            </Form.Item>
            <Form.Item
              name="confirm"
              label="再次输入新密码"
              dependencies={['next']}
              rules={[
                { required: true, message: '请再次输入新密码' },
                ({ getFieldValue }) => ({ validator: async (_, value) => { if (value !== getFieldValue('next')) throw new Error('两次输入的密码不一致'); } }),
              ]}
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
          </>
        )}
        {progress && (
          <div>
            <Typography.Text>{`正在处理${TABLE_NAMES[progress.table] ?? progress.table}：${progress.done} / ${progress.total}`}</Typography.Text>
            <Progress percent={progress.total ? Math.round((progress.done / progress.total) * 100) : 100} />
          </div>
        )}
        {error && <Alert type="error" showIcon title={error} />}
        <button type="submit" hidden />
      </Form>
    </Modal>
  );
}

interface ConfigValues {
  policyId: PolicyId;
  minLength: number;
  minClasses: number;
  changeDays: number;
  idleMinutes: number;
  gm: boolean;
  auditRetentionMonths: number;
}

function toConfig(v: ConfigValues): SecurityConfig {
  const policy = v.policyId === 'custom'
    ? { id: 'custom' as const, minLength: v.minLength, minClasses: v.minClasses, changeDays: v.changeDays }
    : POLICY_PRESETS[v.policyId];
  return { policy, idleMinutes: v.idleMinutes, gm: v.gm, auditRetentionMonths: v.auditRetentionMonths };
}

export function SecuritySettingsCard() {
  const db = useDb();
  const { message } = App.useApp();
  const lockState = useLockState(db);
  const [status, setStatus] = useState<SecurityStatus | null>(null);
  const [action, setAction] = useState<PasswordAction | null>(null);
  const [form] = Form.useForm<ConfigValues>();
  const policyId = Form.useWatch('policyId', form);
  const [saving, setSaving] = useState(false);

  const reload = useCallback(() => {
    void securityStatus(db).then((s) => {
      setStatus(s);
      form.setFieldsValue({
        policyId: s.config.policy.id, minLength: s.config.policy.minLength, minClasses: s.config.policy.minClasses,
        changeDays: s.config.policy.changeDays, idleMinutes: s.config.idleMinutes, gm: s.config.gm,
        auditRetentionMonths: s.config.auditRetentionMonths,
      });
    });
  }, [db, form]);
  useEffect(reload, [reload, lockState.passwordSet, lockState.encryption]);

  const save = async (v: ConfigValues) => {
    setSaving(true);
    try {
      await saveSecurityConfig(db, toConfig(v));
      message.success('安全设置已保存');
      reload();
    } catch (e) {
      message.error(errorText(e, '保存安全设置'));
    } finally {
      setSaving(false);
    }
  };

  if (!status) return <Card title="安全" id="settings-security" loading />;
  const due = status.passwordChangedAt ? passwordDueAt(status.passwordChangedAt, status.config.policy) : null;

  return (
    <Card title="安全" id="settings-security" data-testid="security-settings">
      <Flex vertical gap={16}>
        <Alert type="warning" showIcon title={APP_LOCK_NOTICE} />
        <Descriptions column={1} size="small" bordered>
          <Descriptions.Item label="启动密码">
            <Space wrap>
              <Typography.Text strong>{status.passwordSet ? '已设置' : '未设置'}</Typography.Text>
              {status.passwordChangedAt && <Typography.Text type="secondary">{`上次修改：${status.passwordChangedAt.slice(0, 10)}`}</Typography.Text>}
              {due && <Typography.Text type="secondary">{`应在 ${due.slice(0, 10)} 前更换`}</Typography.Text>}
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label="敏感数据加密">
            <Space wrap>
              <Switch
                aria-label="敏感数据加密"
                checked={status.encryption}
                disabled={!status.passwordSet}
                onChange={(on) => setAction(on ? 'encrypt-on' : 'encrypt-off')}
              />
              <Typography.Text type="secondary">
                {status.passwordSet
                  ? status.encryption
                    ? '已开启：谈话内容、批评意见、表态、评议意见和身份证号加密保存；自动备份也必须加密（未设备份密码时，开启加密会把启动密码设为备份密码）'
                    : '未开启。开启后自动备份也必须加密：未设备份密码时，启动密码将同时作为备份密码'
                  : '需先设置启动密码'}
              </Typography.Text>
            </Space>
          </Descriptions.Item>
        </Descriptions>
        <Space wrap>
          {!status.passwordSet && <Button type="primary" onClick={() => setAction('set')}>设置启动密码</Button>}
          {status.passwordSet && <Button onClick={() => setAction('change')}>修改密码</Button>}
          {status.passwordSet && <Button danger onClick={() => setAction('remove')}>取消启动密码</Button>}
          {status.passwordSet && <Button onClick={() => void lock(db, '手动锁定')}>立即锁定</Button>}
        </Space>

        <Form<ConfigValues> form={form} layout="vertical" onFinish={save} disabled={saving}>
          <Form.Item name="policyId" label="密码规则" extra="参照涉密计算机口令要求；单位有规定的，按单位规定选择或自定义。">
            <Select options={POLICY_IDS.map((id) => ({ value: id, label: POLICY_LABELS[id] }))} style={{ maxWidth: 420 }} />
          </Form.Item>
          {policyId === 'custom' && (
            <Space wrap size={16}>
              <Form.Item name="minLength" label="最少位数" rules={[{ required: true, message: '请填写最少位数' }]}>
                <InputNumber min={4} max={64} />
              </Form.Item>
              <Form.Item name="minClasses" label="至少包含几类字符" tooltip="大写字母、小写字母、数字、符号四类">
                <InputNumber min={1} max={4} />
              </Form.Item>
              <Form.Item name="changeDays" label="更换周期（天，0 为不要求）">
                <InputNumber min={0} max={3650} />
              </Form.Item>
            </Space>
          )}
          <Space wrap size={16}>
            <Form.Item name="idleMinutes" label="无操作自动锁定（分钟，0 为不自动锁定）">
              <InputNumber min={0} max={480} />
            </Form.Item>
            <Form.Item name="auditRetentionMonths" label="审计日志至少保留（月）" extra="不少于 6 个月">
              <InputNumber min={6} max={120} />
            </Form.Item>
          </Space>
          <Form.Item name="gm" label="使用国密算法（SM3 / SM4）" valuePropName="checked" extra="对之后设置的密码、新加密的数据和新的审计记录生效。本软件使用国密算法，但不是经认证的商用密码产品。">
            <Switch />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={saving}>保存安全设置</Button>
        </Form>
      </Flex>
      <PasswordDialog action={action} config={status.config} onClose={() => { setAction(null); reload(); }} />
    </Card>
  );
}

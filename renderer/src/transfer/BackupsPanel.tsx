/** 备份与恢复: the backup password, the list of automatic snapshots, restore (after a snapshot). */
import { useCallback, useEffect, useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Form, Input, Space, Table, Tag, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import type { AppInfo } from '../../../shared/host';
import { getHost } from '../../host';
import {
  BACKUP_REASON_LABELS,
  hasBackupPassword,
  listBackupEntries,
  logRestoreFailure,
  MIN_BACKUP_PASSWORD_LENGTH,
  readBackupFile,
  restoreBackup,
  setBackupPassword,
  writeSnapshot,
  type BackupEntry,
  type BackupSource,
  type RestorePreview,
} from '../../transfer';
import { useDb } from '../dbContext';
import { errorText } from '../common/errors';
import { formatLocalDateTime } from '../common/dates';
import { PasswordFields } from './PasswordFields';

function size(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`;
}


/** 备份密码 card (also suitable for the 设置 page). */
export function BackupPasswordCard() {
  const db = useDb();
  const { message, modal } = App.useApp();
  const isSet = useLiveQuery(() => hasBackupPassword(db), [db]);
  const [editing, setEditing] = useState(false);
  const [form] = Form.useForm<{ password: string; confirm: string }>();

  const save = async (v: { password: string }) => {
    try {
      await setBackupPassword(db, v.password);
      message.success('备份密码已保存。以后的自动备份都会加密。');
      setEditing(false);
      form.resetFields();
    } catch (e) {
      message.error(errorText(e, '保存备份密码'));
    }
  };

  const clear = () =>
    modal.confirm({
      title: '清除备份密码？',
      content: '清除后，新的自动备份将不加密（.zip 文件），任何拿到文件的人都能直接打开查看。已有的加密备份仍需原密码才能恢复。',
      okText: '清除',
      cancelText: '取消',
      okButtonProps: { danger: true },
      onOk: async () => {
        await setBackupPassword(db, null);
        message.success('已清除备份密码');
      },
    });

  return (
    <Card title="备份密码" size="small" id="backup-password">
      {isSet === false && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title="未设置备份密码：自动备份目前以不加密的 .zip 文件保存"
          description="备份文件中有全部党员信息和会议记录，任何拿到文件的人都能直接打开查看。建议设置备份密码。"
        />
      )}
      {isSet && <Alert type="success" showIcon style={{ marginBottom: 12 }} title="已设置备份密码：自动备份以加密的 .pmx 文件保存" />}
      <Typography.Paragraph type="secondary">
        备份密码用于加密自动备份文件；恢复这些备份时需要它。为了让软件在启动时能自动备份，备份密码以加密形式保存在本机（不会出现在任何导出或备份文件中）。它保护的是拷走或放在备份文件夹中的备份文件，不能防止能登录这台电脑的人查看本机数据。
        <Typography.Text strong>备份密码遗失后，用它加密的备份无法恢复。</Typography.Text>
      </Typography.Paragraph>
      {editing ? (
        <Form form={form} layout="vertical" onFinish={save} style={{ maxWidth: 420 }}>
          <PasswordFields label="备份密码" minLength={MIN_BACKUP_PASSWORD_LENGTH} autoFocus />
          <Space>
            <Button type="primary" htmlType="submit">
              保存备份密码
            </Button>
            <Button onClick={() => setEditing(false)}>取消</Button>
          </Space>
        </Form>
      ) : (
        <Space>
          <Button type={isSet ? 'default' : 'primary'} onClick={() => setEditing(true)}>
            {isSet ? '更改备份密码' : '设置备份密码'}
          </Button>
          {isSet && (
            <Button danger onClick={clear}>
              清除备份密码
            </Button>
          )}
        </Space>
      )}
    </Card>
  );
}

export function BackupsPanel({ appInfo }: { appInfo: AppInfo | null }) {
  const db = useDb();
  const { message, modal } = App.useApp();
  const onDisk = appInfo?.backupsOnDisk ?? false;
  const [entries, setEntries] = useState<BackupEntry[] | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [askPassword, setAskPassword] = useState<BackupSource | null>(null);

  const refresh = useCallback(async () => {
    if (!onDisk) return setEntries([]);
    try {
      setEntries(await listBackupEntries(getHost()));
    } catch (e) {
      setError(errorText(e, '读取备份列表'));
      setEntries([]);
    }
  }, [onDisk]);
  useEffect(() => void refresh(), [refresh]);

  const backupNow = async () => {
    setBusy('now');
    setError(null);
    try {
      const b = await writeSnapshot(db, getHost(), 'manual');
      message.success(b.onDisk ? `已备份：${b.name}` : `备份文件 ${b.name} 已开始下载，请保存到安全的位置`);
      await refresh();
    } catch (e) {
      setError(errorText(e, '备份'));
    } finally {
      setBusy(null);
    }
  };

  const confirmRestore = (p: RestorePreview) =>
    modal.confirm({
      title: '用这份备份恢复本机数据？',
      width: 560,
      content: (
        <div>
          <Descriptions column={1} size="small" style={{ margin: '12px 0' }}>
            <Descriptions.Item label="备份时间">{formatLocalDateTime(p.manifest.exportedAt)}</Descriptions.Item>
            <Descriptions.Item label="内容">{`党组织 ${p.tables.organisations.length} 个、党员 ${p.tables.members.length} 名、会议记录 ${p.tables.meetings.length} 条`}</Descriptions.Item>
          </Descriptions>
          <p>恢复后，本机的党组织、党员、会议记录和设置将回到备份时的样子，之后的修改都会被替换。</p>
          <p>恢复前，软件会先把现在的数据自动备份一份，如果恢复错了，还可以用那一份再恢复回来。</p>
        </div>
      ),
      okText: '恢复',
      cancelText: '取消',
      okButtonProps: { danger: true },
      onOk: async () => {
        try {
          const { before } = await restoreBackup(db, getHost(), p);
          message.success(`已恢复。恢复前的数据已备份为 ${before.name}`);
          await refresh();
        } catch (e) {
          const text = errorText(e, '恢复');
          setError(`${text} 本机数据没有改动。`);
          await logRestoreFailure(db, p.source.name, e);
        }
      },
    });

  const open = async (source: BackupSource, password?: string) => {
    setBusy(source.name);
    setError(null);
    try {
      const p = await readBackupFile(db, getHost(), source, password);
      setAskPassword(null);
      confirmRestore(p);
    } catch (e) {
      if (e instanceof Error && 'code' in e && (e as { code: string }).code === 'wrong-password') {
        setAskPassword(source);
        if (password) setError('备份密码不正确，请重新输入。');
      } else {
        setError(`${errorText(e, '读取备份')} 本机数据没有改动。`);
        await logRestoreFailure(db, source.name, e);
      }
    } finally {
      setBusy(null);
    }
  };

  const openFromFile = () => {
    getHost()
      .openFile({ kind: 'pmx' })
      .then((f) => f && open({ kind: 'file', name: f.name, bytes: f.bytes }))
      .catch((e: unknown) => setError(errorText(e, '打开文件')));
  };

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%', maxWidth: 960 }}>
      <BackupPasswordCard />
      <Card
        title="自动备份"
        size="small"
        extra={
          <Space>
            <Button onClick={backupNow} loading={busy === 'now'}>
              {onDisk ? '立即备份' : '下载备份'}
            </Button>
            <Button onClick={openFromFile}>从文件恢复…</Button>
          </Space>
        }
      >
        {onDisk ? (
          <Typography.Paragraph type="secondary">
            软件在每天第一次启动时、每次导入前、软件升级前和恢复前自动备份全部数据，保存在“文档\党建会议记录\备份”文件夹中（不随软件卸载或浏览器数据清理而丢失）。保留最近 10 份，并且每个月保留一份。
          </Typography.Paragraph>
        ) : (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            title="浏览器版不能自动把备份保存到磁盘"
            description="请定期点“下载备份”，把文件保存到安全的位置；导入前也会提示下载备份。需要恢复时，点“从文件恢复…”并选择下载的备份文件。桌面版会自动备份。"
          />
        )}
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} closable onClose={() => setError(null)} />}
        {askPassword && (
          <Form layout="inline" onFinish={(v: { password: string }) => open(askPassword, v.password)} style={{ marginBottom: 12 }}>
            <Typography.Text style={{ marginRight: 8 }}>“{askPassword.name}”已加密，请输入备份时使用的备份密码：</Typography.Text>
            <Form.Item name="password" rules={[{ required: true, message: '请输入备份密码' }]}>
              <Input.Password autoFocus aria-label="备份密码" />
            </Form.Item>
            <Button htmlType="submit" type="primary" loading={busy === askPassword.name}>
              打开
            </Button>
            <Button type="link" onClick={() => setAskPassword(null)}>
              取消
            </Button>
          </Form>
        )}
        {onDisk && (
          <Table<BackupEntry>
            size="small"
            rowKey="name"
            loading={entries === null}
            dataSource={entries ?? []}
            pagination={false}
            locale={{ emptyText: '还没有备份' }}
            columns={[
              { title: '备份时间', dataIndex: 'at', render: (at: string) => formatLocalDateTime(at) },
              { title: '原因', dataIndex: 'reason', render: (r: BackupEntry['reason']) => BACKUP_REASON_LABELS[r] },
              { title: '加密', dataIndex: 'encrypted', render: (e: boolean) => (e ? <Tag color="green">已加密</Tag> : <Tag color="orange">未加密</Tag>) },
              { title: '大小', dataIndex: 'size', render: size },
              {
                title: '操作',
                render: (_, r) => (
                  <Button size="small" onClick={() => open({ kind: 'folder', name: r.name })} loading={busy === r.name}>
                    恢复…
                  </Button>
                ),
              },
            ]}
          />
        )}
      </Card>
    </Space>
  );
}

/**
 * 导入: 选择文件 → 输入密码（先看文件标注）→ 解密并校验 → 预览（新增 / 修改 / 删除 / 未变 / 冲突）
 * → 逐条决定冲突 → 确认（先自动备份）→ 一次写入 → 结果.
 */
import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Collapse, Descriptions, Empty, Flex, Form, Input, List, Progress, Result, Space, Steps, Table, Tag, Typography } from 'antd';
import { getHost } from '../../host';
import type { AppInfo } from '../../../shared/host';
import type { PmxHeaderInfo, Resolution } from '../../../shared/transfer';
import type { RecordMeta } from '../../../shared/model';
import {
  applyImport,
  describeScope,
  logImportFailure,
  prepareImport,
  readImportHeader,
  recordTitle,
  RECORD_TABLES,
  STAGE_LABELS,
  TABLE_LABELS,
  tableCounts,
  totalCounts,
  writeSnapshot,
  type ImportPreview,
  type ImportSummary,
  type Progress as P,
  type RecordTable,
} from '../../transfer';
import { useDb } from '../dbContext';
import { errorDetail, errorText } from '../common/errors';
import { formatLocalDateTime } from '../common/dates';
import { ConflictView } from './ConflictView';

type Step = 'file' | 'password' | 'preview' | 'done';
const STEP_INDEX: Record<Step, number> = { file: 0, password: 1, preview: 2, done: 3 };

interface Picked {
  name: string;
  bytes: Uint8Array;
  info: PmxHeaderInfo;
}

const CATEGORY_LABELS = { added: '新增', changed: '修改', deleted: '删除', unchanged: '未变', conflicts: '冲突', converged: '双方改法相同（自动合并）', skipped: '本机已彻底删除（不再导入）' } as const;
type Category = keyof typeof CATEGORY_LABELS;

function recordsOf(preview: ImportPreview, table: RecordTable, cat: Category): RecordMeta[] {
  const tp = preview.tables[table];
  const plan = tp.plan as unknown as Record<string, unknown[]>;
  if (cat === 'skipped') return tp.purgedSkipped as RecordMeta[];
  if (cat === 'added') return plan.added as RecordMeta[];
  return (plan[cat] as { incoming: RecordMeta }[]).map((p) => p.incoming);
}

export function ImportPanel({ appInfo }: { appInfo: AppInfo | null }) {
  const db = useDb();
  const { modal } = App.useApp();
  const [step, setStep] = useState<Step>('file');
  const [picked, setPicked] = useState<Picked | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [progress, setProgress] = useState<P | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [resolutions, setResolutions] = useState<Map<string, Resolution>>(new Map());
  const [summary, setSummary] = useState<(ImportSummary & { backupName?: string }) | null>(null);
  const [downloadBackup, setDownloadBackup] = useState(true);
  const [who, setWho] = useState<{ operator?: string; medium?: string }>({});
  const [orgNames, setOrgNames] = useState<Map<string, string>>(new Map());

  const reset = () => {
    setStep('file');
    setPicked(null);
    setError(null);
    setPreview(null);
    setResolutions(new Map());
    setSummary(null);
  };

  const choose = () => {
    setError(null);
    // openFile must run straight from the click (browsers need the user gesture).
    getHost()
      .openFile({ kind: 'pmx' })
      .then((f) => {
        if (!f) return;
        try {
          const info = readImportHeader(f.bytes);
          setPicked({ name: f.name, bytes: f.bytes, info });
          setStep('password');
        } catch (e) {
          setError(errorText(e, '读取文件'));
          void logImportFailure(db, f, e);
        }
      })
      .catch((e: unknown) => setError(errorText(e, '打开文件')));
  };

  const decrypt = async (v: { password: string; operator?: string; medium?: string }) => {
    if (!picked) return;
    setError(null);
    setWho({ operator: v.operator, medium: v.medium });
    setProgress({ stage: 'decrypt', fraction: 0 });
    try {
      const p = await prepareImport(db, picked, v.password, { onProgress: setProgress });
      const all = await db.organisations.toArray();
      const names = new Map(all.map((o) => [o.id, o.name]));
      for (const o of p.tables.organisations.plan.added) names.set(o.id, o.name);
      setOrgNames(names);
      setPreview(p);
      setResolutions(new Map());
      setStep('preview');
    } catch (e) {
      setError(errorText(e, '解密和校验'));
      await logImportFailure(db, picked, e, v);
    } finally {
      setProgress(null);
    }
  };

  const conflicts = useMemo(
    () => (preview ? RECORD_TABLES.flatMap((t) => (preview.tables[t].plan.conflicts as { local: RecordMeta; incoming: RecordMeta }[]).map((c) => ({ table: t, ...c }))) : []),
    [preview],
  );
  const undecided = conflicts.filter((c) => !resolutions.has(c.local.id)).length;
  const totals = preview ? totalCounts(preview) : null;
  const nothingToDo = totals !== null && totals.added + totals.changed + totals.deleted + totals.converged + totals.conflicts === 0;
  const onDisk = appInfo?.backupsOnDisk ?? false;

  const setAll = (r: Resolution) => setResolutions(new Map(conflicts.map((c) => [c.local.id, r])));

  const apply = async () => {
    if (!preview || !picked) return;
    setError(null);
    let backupName: string | undefined;
    try {
      if (!nothingToDo && (onDisk || downloadBackup)) {
        setProgress({ stage: 'snapshot', fraction: 0 });
        try {
          backupName = (await writeSnapshot(db, getHost(), 'before-import', { onProgress: setProgress })).name;
        } catch (e) {
          throw new Error(`导入前的自动备份没有完成，为安全起见没有导入（${errorDetail(e)}）。请检查磁盘空间后重试。`, { cause: e });
        }
      }
      setProgress({ stage: 'write', fraction: 0.99 });
      const s = await applyImport(db, preview, resolutions, { ...who, backupName });
      setSummary({ ...s, backupName });
      setStep('done');
    } catch (e) {
      setError(errorText(e, '导入'));
      await logImportFailure(db, picked, e, who);
    } finally {
      setProgress(null);
    }
  };

  const confirmApply = () =>
    modal.confirm({
      title: '确认导入？',
      content: (
        <div>
          <p>
            将写入：新增 {totals?.added ?? 0} 条、修改 {totals?.changed ?? 0} 条、删除（移入回收站）{totals?.deleted ?? 0} 条
            {conflicts.length ? `，冲突 ${conflicts.length} 条按您的选择处理` : ''}。
          </p>
          <p>{onDisk ? '导入前会自动备份本机数据（可在“备份与恢复”中恢复）。' : downloadBackup ? '导入前会先下载一份本机数据备份。' : '您选择了不备份：导入后无法撤销。'}</p>
        </div>
      ),
      okText: '导入',
      cancelText: '再看看',
      onOk: apply,
    });

  const header = picked?.info;
  const busy = progress !== null;

  return (
    <div style={{ maxWidth: 1100 }}>
      <Steps
        current={STEP_INDEX[step]}
        size="small"
        style={{ marginBottom: 20, maxWidth: 720 }}
        items={[{ title: '选择文件' }, { title: '输入密码' }, { title: '核对预览' }, { title: '完成' }]}
      />
      {error && <Alert type="error" showIcon title="没有导入" description={<>{error}<br />本机数据没有任何改动。</>} style={{ marginBottom: 16, maxWidth: 720 }} />}
      {busy && (
        <div style={{ marginBottom: 16, maxWidth: 720 }} aria-live="polite">
          <Typography.Text>{STAGE_LABELS[progress.stage]}…</Typography.Text>
          <Progress percent={Math.round(progress.fraction * 100)} status="active" />
        </div>
      )}

      {step === 'file' && (
        <Card size="small" style={{ maxWidth: 720 }}>
          <Typography.Paragraph>
            选择其他电脑导出的 <Typography.Text code>.pmx</Typography.Text> 文件（通常在 U 盘上）。导入会与本机记录合并：新记录加入、对方改过的记录更新、对方删除的记录移入回收站，不会产生重复；两边都改过的记录由您逐条决定。
          </Typography.Paragraph>
          <Button type="primary" size="large" onClick={choose}>
            选择 .pmx 文件
          </Button>
        </Card>
      )}

      {step === 'password' && picked && header && (
        <Card size="small" title="文件信息" style={{ maxWidth: 720 }}>
          <Descriptions column={1} size="small" bordered style={{ marginBottom: 16 }}>
            <Descriptions.Item label="文件名">{picked.name}</Descriptions.Item>
            <Descriptions.Item label="标注">{header.label?.classification ? <Tag color="red">{header.label.classification}</Tag> : '未标注'}</Descriptions.Item>
            <Descriptions.Item label="说明">{header.label?.note || '无'}</Descriptions.Item>
            <Descriptions.Item label="导出时间">{formatLocalDateTime(header.createdAt)}</Descriptions.Item>
            <Descriptions.Item label="加密方式">{header.cipher === 'SM4-GCM' ? 'SM4（国密）' : 'AES-256'}</Descriptions.Item>
          </Descriptions>
          <Form layout="vertical" onFinish={decrypt} disabled={busy}>
            <Form.Item name="password" label="传输密码" rules={[{ required: true, message: '请输入导出时设置的传输密码' }]} extra="向导出这个文件的同志询问密码（区分大小写）。">
              <Input.Password autoFocus autoComplete="off" aria-label="传输密码" />
            </Form.Item>
            <Flex wrap gap={16}>
              <Form.Item name="operator" label="经办人（可选，记入本机操作记录）">
                <Input aria-label="经办人" maxLength={50} />
              </Form.Item>
              <Form.Item name="medium" label="U 盘编号（可选，记入本机操作记录）">
                <Input aria-label="U盘编号" maxLength={100} />
              </Form.Item>
            </Flex>
            <Space>
              <Button type="primary" htmlType="submit" loading={busy}>
                解密并校验
              </Button>
              <Button onClick={reset} disabled={busy}>
                换一个文件
              </Button>
            </Space>
          </Form>
        </Card>
      )}

      {step === 'preview' && preview && totals && (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Alert
            type="success"
            showIcon
            title="文件完整，校验通过"
            description={`来自：${preview.manifest.source.orgName || '未注明单位'}，导出于 ${formatLocalDateTime(preview.manifest.exportedAt)}；内容：${describeScope(preview.manifest.scope)}。以下是与本机记录比对的结果，确认前不会写入任何内容。`}
          />
          <Table
            size="small"
            pagination={false}
            rowKey="table"
            aria-label="导入预览"
            dataSource={RECORD_TABLES.map((t) => ({ table: t, ...tableCounts(preview.tables[t]) }))}
            columns={[
              { title: '类别', dataIndex: 'table', render: (t: RecordTable) => TABLE_LABELS[t] },
              { title: '新增', dataIndex: 'added' },
              { title: '修改', dataIndex: 'changed' },
              { title: '删除', dataIndex: 'deleted' },
              { title: '未变', dataIndex: 'unchanged' },
              { title: '冲突', dataIndex: 'conflicts', render: (n: number) => (n ? <Tag color="orange">{n}</Tag> : 0) },
              ...(totals.converged ? [{ title: '双方改法相同', dataIndex: 'converged' }] : []),
              ...(totals.skipped ? [{ title: '本机已彻底删除', dataIndex: 'skipped' }] : []),
            ]}
          />
          <Collapse
            size="small"
            items={[
              {
                key: 'details',
                label: '查看明细（每条记录属于哪一类）',
                children: (
                  <Collapse
                    size="small"
                    ghost
                    items={RECORD_TABLES.flatMap((t) =>
                      (Object.keys(CATEGORY_LABELS) as Category[])
                        .map((cat) => ({ cat, list: recordsOf(preview, t, cat) }))
                        .filter((x) => x.list.length > 0)
                        .map(({ cat, list }) => ({
                          key: `${t}-${cat}`,
                          label: `${TABLE_LABELS[t]} · ${CATEGORY_LABELS[cat]}（${list.length}）`,
                          children: (
                            <List
                              size="small"
                              dataSource={list}
                              pagination={list.length > 20 ? { pageSize: 20, size: 'small' } : false}
                              renderItem={(r) => (
                                <List.Item>
                                  {recordTitle(t, r as never, orgNames)}
                                  {r.deletedAt ? <Tag style={{ marginLeft: 8 }}>回收站</Tag> : null}
                                </List.Item>
                              )}
                            />
                          ),
                        })),
                    )}
                  />
                ),
              },
            ]}
          />
          {conflicts.length > 0 && (
            <Card
              size="small"
              title={`冲突（${conflicts.length} 条）：两边都修改过，请逐条选择`}
              extra={
                <Space>
                  <Button size="small" onClick={() => setAll('mine')}>
                    全部保留本机
                  </Button>
                  <Button size="small" onClick={() => setAll('theirs')}>
                    全部采用对方
                  </Button>
                </Space>
              }
            >
              {conflicts.map((c) => (
                <ConflictView
                  key={c.local.id}
                  table={c.table}
                  title={`${TABLE_LABELS[c.table]}：${recordTitle(c.table, c.local as never, orgNames)}`}
                  mine={c.local}
                  theirs={c.incoming}
                  sourceName={preview.manifest.source.orgName || '对方'}
                  orgNames={orgNames}
                  value={resolutions.get(c.local.id)}
                  onChange={(r) => setResolutions((m) => new Map(m).set(c.local.id, r))}
                />
              ))}
            </Card>
          )}
          {nothingToDo ? (
            <Alert type="info" showIcon title="没有需要导入的内容" description="文件中的记录本机都已有（可能以前导入过这个文件）。导入不会改动任何记录。" />
          ) : null}
          {!onDisk && (
            <Checkbox checked={downloadBackup} onChange={(e) => setDownloadBackup(e.target.checked)}>
              导入前先下载一份本机数据备份（浏览器版无法自动保存备份，建议勾选）
            </Checkbox>
          )}
          <Space>
            <Button type="primary" size="large" onClick={confirmApply} disabled={undecided > 0 || busy} loading={busy}>
              {nothingToDo ? '完成（不改动任何记录）' : '确认导入'}
            </Button>
            <Button size="large" onClick={reset} disabled={busy}>
              放弃
            </Button>
            {undecided > 0 && <Typography.Text type="warning">还有 {undecided} 条冲突没有选择</Typography.Text>}
          </Space>
        </Space>
      )}

      {step === 'done' && summary && (
        <Result
          status="success"
          title="导入完成"
          subTitle={`新增 ${summary.added} 条、修改 ${summary.changed} 条、删除 ${summary.deleted} 条、未变 ${summary.unchanged} 条${summary.keptMine + summary.tookTheirs ? `；冲突：保留本机 ${summary.keptMine} 条、采用对方 ${summary.tookTheirs} 条` : ''}。`}
          extra={[
            <Button key="next" type="primary" onClick={reset}>
              导入下一个文件
            </Button>,
          ]}
        >
          {summary.backupName ? (
            <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
              导入前的数据已备份为 {summary.backupName}，如需撤销，可在“备份与恢复”中恢复。
            </Typography.Paragraph>
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="本次导入前没有备份。" />
          )}
        </Result>
      )}
    </div>
  );
}

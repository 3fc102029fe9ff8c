/**
 * 数据交换与备份 (route suggestion `#/transfer`): 导出 / 导入 / 备份与恢复 / 操作记录.
 */
import { useEffect, useState, useSyncExternalStore } from 'react';
import { Alert, Flex, Tabs, Typography } from 'antd';
import type { AppInfo } from '../../../shared/host';
import { getHost } from '../../host';
import { onStartupReport, startupReport } from '../../transfer';
import { BackupsPanel } from './BackupsPanel';
import { ExportPanel } from './ExportPanel';
import { ImportPanel } from './ImportPanel';
import { OperationLogPanel } from './OperationLogPanel';

export function TransferPage() {
  const [appInfo, setAppInfo] = useState<AppInfo | null>(null);
  const [tab, setTab] = useState('export');
  const report = useSyncExternalStore(onStartupReport, startupReport);
  useEffect(() => {
    void getHost().getAppInfo().then(setAppInfo, () => undefined);
  }, []);
  const backupProblem = report.upgrade?.error ?? report.daily?.error;
  return (
    <Flex vertical gap={12}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        数据交换与备份
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0, maxWidth: 900 }}>
        党支部把记录导出为一个加密的 .pmx 文件，用 U 盘交给机关党委导入；机关党委也可以把组织架构和党员花名册导出给各党支部。导入时自动合并，不会重复，也不会丢失记录。
      </Typography.Paragraph>
      {backupProblem && (
        <Alert type="error" showIcon title="自动备份没有完成" description={`${backupProblem}。请检查磁盘空间，然后在“备份与恢复”中点“立即备份”。`} />
      )}
      <Tabs
        activeKey={tab}
        onChange={setTab}
        destroyOnHidden
        items={[
          { key: 'export', label: '导出', children: <ExportPanel /> },
          { key: 'import', label: '导入', children: <ImportPanel appInfo={appInfo} /> },
          { key: 'backups', label: '备份与恢复', children: <BackupsPanel appInfo={appInfo} /> },
          { key: 'log', label: '操作记录', children: <OperationLogPanel /> },
        ]}
      />
    </Flex>
  );
}

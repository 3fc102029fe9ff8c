/**
 * 检视方面: the aspects under which 组织生活会 / 民主生活会 problems are listed change with each
 * year's notice (domain §2.6 step 5), so the secretary sets them per 年度. A year without its own
 * list uses the defaults; a new life meeting copies the list of its 年度.
 */
import { useEffect, useState } from 'react';
import { App, Button, Card, InputNumber, Select, Space, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { defaultLifeAspects, lifeAspectsFor } from '../../../shared/model';
import { getAllLifeAspects, putLifeAspects } from '../../db';
import { useDb } from '../dbContext';
import { errorText } from '../common/errors';

export function LifeAspectsCard() {
  const db = useDb();
  const { message } = App.useApp();
  const [year, setYear] = useState(() => new Date().getFullYear());
  const stored = useLiveQuery(() => getAllLifeAspects(db), [db]);
  const [aspects, setAspects] = useState<string[]>([]);
  const [dirty, setDirty] = useState(false);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!stored) return;
    setAspects(lifeAspectsFor(stored, year));
    setDirty(false);
  }, [stored, year]);

  const own = !!stored?.[String(year)];
  const save = async (list: string[]) => {
    setSaving(true);
    try {
      await putLifeAspects(db, year, list);
      setDirty(false);
      message.success(list.length ? `${year} 年度检视方面已保存` : `${year} 年度已恢复默认检视方面`);
    } catch (e) {
      message.error(errorText(e, '保存检视方面'));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card title="组织生活会检视方面" id="settings-life-aspects">
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Typography.Paragraph style={{ margin: 0 }}>
          每年上级通知规定的查摆问题方面不同（如 2025 年对照六项纪律）。新建组织生活会、民主生活会时按其年度带出这些方面，会中仍可修改。
        </Typography.Paragraph>
        <Space wrap>
          <span>年度</span>
          <InputNumber aria-label="检视方面年度" min={2000} max={2100} precision={0} value={year} onChange={(v) => v && setYear(v)} />
          <Typography.Text type="secondary">{own ? '本年度已单独设置' : '本年度使用默认方面'}</Typography.Text>
        </Space>
        <Select
          mode="tags"
          aria-label="检视方面"
          style={{ width: '100%' }}
          value={aspects}
          onChange={(v: string[]) => {
            setAspects(v);
            setDirty(true);
          }}
          tokenSeparators={['、', '，', ',']}
          placeholder="输入方面后按回车，例如：政治纪律"
          open={false}
        />
        <Space>
          <Button type="primary" loading={saving} disabled={!stored} onClick={() => void save(aspects)}>
            保存
          </Button>
          <Button disabled={!own || saving} onClick={() => void save([])}>
            恢复默认（{defaultLifeAspects(year).join('、')}）
          </Button>
          {dirty && <Typography.Text type="warning">有尚未保存的修改</Typography.Text>}
        </Space>
      </Space>
    </Card>
  );
}

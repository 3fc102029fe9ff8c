/**
 * 搜索: one box over meetings, talks, appraisals and rectification items (design §8), with
 * organisation / type / year filters. Matches are exact (书记 never finds 记书); results are newest
 * first with highlighted snippets. Sensitive text (talk contents, criticism…) is searched but never
 * shown: such hits say where to look instead. `#/search?q=…` opens with a query.
 */
import { useEffect, useMemo, useState } from 'react';
import { Alert, Empty, Flex, Input, Select, Space, Spin, Tag, Typography } from 'antd';
import { descendantIds, search, SENSITIVE_ONLY_NOTICE, type SearchHit, type SearchResult } from '../../db';
import { MEETING_TYPE_SHORT, TALK_TYPE_LABELS, type MeetingType, type TalkType } from '../../../shared/model';
import { useDb } from '../dbContext';
import { OrgTreeSelect } from '../common/OrgTreeSelect';
import { errorText } from '../common/errors';
import { routeHref, useRouteQuery } from '../router';
import { RECORD_KIND_LABEL, TYPE_OPTIONS, typeFilter } from './searchFilters';
import { Snippet } from './Snippet';

const LIMIT = 50;
/** Below this many unindexed records a search is no slower: say nothing. */
const PENDING_NOTICE_FROM = 200;
const DEBOUNCE_MS = 250;

export function hitHref(h: Pick<SearchHit, 'table' | 'id'>): string {
  switch (h.table) {
    case 'meetings':
      return routeHref({ name: 'meeting', id: h.id });
    case 'talks':
      return routeHref({ name: 'talk', id: h.id });
    case 'appraisals':
      return routeHref({ name: 'appraisal', id: h.id });
    default:
      return routeHref({ name: 'rectifications' }, { focus: h.id });
  }
}

function kindTag(h: SearchHit): string {
  if (h.table === 'meetings') return MEETING_TYPE_SHORT[h.kind as MeetingType] ?? '会议';
  if (h.table === 'talks') return TALK_TYPE_LABELS[h.kind as TalkType] ?? '谈心谈话';
  return RECORD_KIND_LABEL[h.table];
}

function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setV(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return v;
}

const thisYear = new Date().getFullYear();
const YEAR_OPTIONS = Array.from({ length: 20 }, (_, i) => ({ value: thisYear - i, label: `${thisYear - i}年` }));

export function SearchPage() {
  const db = useDb();
  const routeQ = useRouteQuery().get('q') ?? '';
  const [text, setText] = useState(routeQ);
  // The quick-search box (menu) navigates here with ?q=; follow it while this screen is open.
  useEffect(() => setText(routeQ), [routeQ]);
  const [orgId, setOrgId] = useState<string | undefined>();
  const [type, setType] = useState<string | undefined>();
  const [year, setYear] = useState<number | undefined>();
  const query = useDebounced(text, DEBOUNCE_MS);
  const [result, setResult] = useState<SearchResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const filters = useMemo(() => ({ ...typeFilter(type), year }), [type, year]);

  useEffect(() => {
    let current = true;
    if (!query.trim()) {
      setResult(null);
      setError(null);
      return;
    }
    setBusy(true);
    (async () => {
      // A higher organisation includes its branches and groups.
      const orgIds = orgId ? await descendantIds(db, orgId) : undefined;
      return search(db, query, { ...filters, orgIds, limit: LIMIT });
    })()
      .then((r) => {
        if (!current) return;
        setResult(r);
        setError(null);
      })
      .catch((e: unknown) => current && setError(errorText(e, '搜索')))
      .finally(() => current && setBusy(false));
    return () => {
      current = false;
    };
  }, [db, query, orgId, filters]);

  const summary = result
    ? result.hits.length === 0
      ? null
      : result.totalExact
        ? `找到 ${result.total} 条记录`
        : `找到约 ${result.total} 条记录`
    : null;

  return (
    <div style={{ maxWidth: 980 }}>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        搜索
      </Typography.Title>
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Input.Search
          autoFocus
          allowClear
          size="large"
          aria-label="搜索内容"
          placeholder="输入姓名、议题或发言中的词语，例如：主题党日、张建国、预算执行"
          value={text}
          onChange={(e) => setText(e.target.value)}
          loading={busy}
          enterButton="搜索"
        />
        <Flex gap={12} wrap>
          <OrgTreeSelect aria-label="党组织" allowClear placeholder="全部党组织" value={orgId} onChange={setOrgId} style={{ width: 220 }} />
          <Select aria-label="类型" allowClear placeholder="全部类型" value={type} onChange={setType} options={TYPE_OPTIONS} style={{ width: 180 }} />
          <Select aria-label="年度" allowClear placeholder="全部年度" value={year} onChange={setYear} options={YEAR_OPTIONS} style={{ width: 120 }} />
        </Flex>
        {error && <Alert type="error" showIcon title={error} />}
        {!query.trim() && (
          <Typography.Paragraph type="secondary">
            在全部会议记录、谈心谈话、民主评议和整改台账中查找，只显示与输入内容完全一致的结果（一个字也可以搜索）。谈话内容、批评意见等敏感内容可以搜到，但不在结果中显示原文。
          </Typography.Paragraph>
        )}
        {result && result.hits.length === 0 && !busy && <Empty description={`没有找到包含“${result.query}”的记录，请换个词语或减少筛选条件`} />}
        {summary && (
          <Typography.Text type="secondary">
            {summary}
            {result && result.hits.length >= LIMIT && `，只显示最新的 ${LIMIT} 条；请输入更具体的词语或用筛选缩小范围`}
          </Typography.Text>
        )}
        {result && result.pendingRecords >= PENDING_NOTICE_FROM && (
          <Typography.Text type="secondary">
            新导入或刚修改的 {result.pendingRecords.toLocaleString('zh-CN')} 条记录正在后台整理搜索索引：搜索结果完整，只是可能稍慢。
          </Typography.Text>
        )}
        {result && result.hits.length > 0 && (
          <Spin spinning={busy}>
            <ol aria-label="搜索结果" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
              {result.hits.map((h) => (
                <li key={`${h.table}:${h.id}`} style={{ padding: '12px 0', borderBottom: '1px solid #f0f0f0' }}>
                  <Flex gap={8} align="baseline" wrap>
                    <Tag color={h.table === 'meetings' ? 'red' : h.table === 'talks' ? 'blue' : h.table === 'appraisals' ? 'gold' : 'green'}>{kindTag(h)}</Tag>
                    <a href={hitHref(h)} style={{ fontSize: 16 }}>
                      {h.title}
                    </a>
                    <Typography.Text type="secondary">{h.date}</Typography.Text>
                  </Flex>
                  {h.sensitiveOnly ? (
                    <Typography.Text type="secondary" style={{ display: 'block', marginTop: 4 }}>
                      {SENSITIVE_ONLY_NOTICE}
                    </Typography.Text>
                  ) : (
                    h.snippets.map((s, i) => <Snippet key={i} segments={s} />)
                  )}
                </li>
              ))}
            </ol>
          </Spin>
        )}
      </Space>
    </div>
  );
}

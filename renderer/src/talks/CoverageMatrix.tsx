/**
 * The coverage matrix: one row and one column per person (书记, 委员, then members). Cells are
 * compact buttons (≈ 24 px) so about 40 people fit; the table scrolls inside its own box with
 * sticky name row and column, never the page.
 */
import { memo, useMemo, useState } from 'react';
import { Modal, Typography } from 'antd';
import { TALK_TYPE_LABELS, type Talk } from '../../../shared/model';
import type { CoverageCell, CoveragePerson, TalkCoverage } from '../../../shared/rules/talkCoverage';
import { formatShortDate } from '../common/dates';

const ROLE_LABEL: Record<CoveragePerson['role'], string> = { secretary: '书记', committee: '委员', member: '' };

/** 03-01 → 3.1 */
function md(date: string): string {
  return `${Number(date.slice(5, 7))}.${Number(date.slice(8, 10))}`;
}

export function periodText(p: CoveragePerson, window: TalkCoverage['window']): string {
  if (!p.partial) return '';
  if (p.period.from !== window.from && p.period.to !== window.to) return `${md(p.period.from)}–${md(p.period.to)}在册`;
  if (p.period.from !== window.from) return `${md(p.period.from)}起在册`;
  return `${md(p.period.to)}前在册`;
}

export interface CoverageMatrixProps {
  cov: TalkCoverage;
  talkById: ReadonlyMap<string, Talk>;
  /** A gap was clicked: a = the earlier person (书记 / 委员 first) talks with b. */
  onGap: (a: string, b: string) => void;
}

export const CoverageMatrix = memo(function CoverageMatrix({ cov, talkById, onGap }: CoverageMatrixProps) {
  const [open, setOpen] = useState<CoverageCell | null>(null);
  const cellOf = useMemo(() => {
    const m = new Map<string, CoverageCell>();
    for (const c of cov.cells) {
      m.set(`${c.a}|${c.b}`, c);
      m.set(`${c.b}|${c.a}`, c);
    }
    return m;
  }, [cov]);
  const byId = useMemo(() => new Map(cov.people.map((p) => [p.id, p])), [cov]);
  const peerOf = useMemo(() => new Map(cov.peer.map((p) => [p.personId, p])), [cov]);
  const name = (id: string) => byId.get(id)?.name ?? '';

  return (
    <>
      <div className="pm-matrix-legend" aria-hidden>
        <span className="pm-cell pm-cell-covered">1</span> 已谈（数字为次数，点击查看）
        <span className="pm-cell pm-cell-gap">!</span> 应谈未谈（点击新建谈话记录）
        <span className="pm-cell pm-cell-not_required" /> 不作硬性要求
        <span className="pm-cell pm-cell-outside_period">/</span> 不在同一在册时段
      </div>
      <div className="pm-matrix-wrap" role="region" aria-label="谈心谈话覆盖矩阵" tabIndex={0}>
        <table className="pm-matrix">
          <thead>
            <tr>
              <th className="pm-matrix-corner">谈话双方</th>
              {cov.people.map((p) => (
                <th key={p.id} scope="col" className={`pm-matrix-col pm-role-${p.role}`} title={`${p.name}${ROLE_LABEL[p.role] ? `（${ROLE_LABEL[p.role]}）` : ''}`}>
                  <span className="pm-vertical">{p.name}</span>
                  {p.partial && <span className="pm-partial-dot" aria-label="中途进出">•</span>}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {cov.people.map((row) => {
              const peer = peerOf.get(row.id);
              const period = periodText(row, cov.window);
              return (
                <tr key={row.id}>
                  <th scope="row" className={`pm-matrix-row pm-role-${row.role}`}>
                    <span className="pm-row-name">{row.name}</span>
                    {ROLE_LABEL[row.role] && <span className="pm-role-tag">{ROLE_LABEL[row.role]}</span>}
                    {period && <span className="pm-period">{period}</span>}
                    {peer && peer.required && !peer.met && <span className="pm-peer-gap">互谈缺</span>}
                  </th>
                  {cov.people.map((col) => {
                    if (col.id === row.id) return <td key={col.id} className="pm-cell-self" aria-hidden />;
                    const c = cellOf.get(`${row.id}|${col.id}`)!;
                    const pair = `${row.name}与${col.name}`;
                    if (c.status === 'covered')
                      return (
                        <td key={col.id}>
                          <button type="button" className="pm-cell pm-cell-covered" aria-label={`${pair}：已谈 ${c.talks.length} 次`} onClick={() => setOpen(c)}>
                            {c.talks.length}
                          </button>
                        </td>
                      );
                    if (c.status === 'gap')
                      return (
                        <td key={col.id}>
                          <button type="button" className="pm-cell pm-cell-gap" aria-label={`${pair}：未谈，点击新建谈话记录`} title={`${pair}尚未谈话，点击新建`} onClick={() => onGap(c.a, c.b)}>
                            !
                          </button>
                        </td>
                      );
                    return (
                      <td key={col.id}>
                        <span
                          className={`pm-cell pm-cell-${c.status}`}
                          role="img"
                          aria-label={`${pair}：${c.status === 'outside_period' ? '不在同一在册时段' : '不作硬性要求'}`}
                          title={c.status === 'outside_period' ? '两人不在同一时段在册' : '党员之间不要求逐对谈话，每人与其他党员至少谈一次即可'}
                        >
                          {c.status === 'outside_period' ? '/' : ''}
                        </span>
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <Modal open={!!open} title={open ? `${name(open.a)}与${name(open.b)}的谈心谈话（${open.talks.length} 次）` : ''} footer={null} onCancel={() => setOpen(null)}>
        <ol className="pm-cell-talks">
          {open?.talks.map((id) => {
            const t = talkById.get(id);
            return (
              <li key={id}>
                <a href={`#/talk/${encodeURIComponent(id)}`}>
                  {t ? `${formatShortDate(t.date)} ${t.interviewer.name} → ${t.interviewees.map((p) => p.name).join('、')}` : id}
                </a>
                {t && (
                  <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
                    {TALK_TYPE_LABELS[t.type]}
                  </Typography.Text>
                )}
              </li>
            );
          })}
        </ol>
      </Modal>
    </>
  );
});

/**
 * 三会一课 calendar grid: organisation × obligation rows, 12 month columns; quarterly, half-yearly
 * and yearly obligations span their months. Every state has a colour AND a word (✓ 已开展 /
 * 待开展 / 未开展 / 未到期), so it reads in black-and-white print and for colour-blind users.
 */
import { Fragment } from 'react';
import { CELL_STATE_LABELS, OBLIGATION_LABELS, OBLIGATIONS, type CellState, type ObligationCell, type ObligationId } from '../../../shared/checks';
import { ORG_LEVEL_LABELS, type Organisation } from '../../../shared/model';

const SPAN: Record<number, number> = { 12: 1, 4: 3, 2: 6, 1: 12 };

export function cellText(c: ObligationCell, wide: boolean): string {
  switch (c.state) {
    case 'held':
      return c.held > 1 || c.required > 1 ? `✓ ${c.held}次` : wide ? '✓ 已开展' : '✓';
    case 'missing':
      return c.required > 1 && c.held > 0 ? `待开展 ${c.held}/${c.required}` : '待开展';
    case 'overdue':
      return c.required > 1 && c.held > 0 ? `未开展 ${c.held}/${c.required}` : wide ? '逾期未开展' : '未开展';
    case 'upcoming':
      return '未到期';
    case 'not_applicable':
      return '—';
  }
}

export interface OrgSummary {
  overdue: number;
  errors: number;
  warnings: number;
}

export function ObligationGrid({
  orgs,
  cells,
  summaries,
  onOpen,
}: {
  orgs: Organisation[];
  cells: ObligationCell[];
  summaries: Map<string, OrgSummary>;
  onOpen: (cell: ObligationCell) => void;
}) {
  const byOrg = new Map<string, Map<ObligationId, ObligationCell[]>>();
  for (const c of cells) {
    let m = byOrg.get(c.orgId);
    if (!m) byOrg.set(c.orgId, (m = new Map()));
    const list = m.get(c.obligation) ?? [];
    list.push(c);
    m.set(c.obligation, list);
  }
  return (
    <div className="pm-dash-grid-wrap">
      <table className="pm-dash-grid" aria-label="三会一课开展情况">
        <thead>
          <tr>
            <th scope="col" className="pm-dash-rowhead">组织 / 事项</th>
            {Array.from({ length: 12 }, (_, i) => (
              <th scope="col" key={i}>
                {i + 1}月
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {orgs.map((org) => {
            const rows = byOrg.get(org.id);
            if (!rows) return null;
            const s = summaries.get(org.id);
            return (
              <Fragment key={org.id}>
                <tr className="pm-dash-org">
                  <th scope="rowgroup" colSpan={13}>
                    <span className="pm-dash-org-name">{org.name}</span>
                    <span className="pm-dash-org-level">{ORG_LEVEL_LABELS[org.level]}</span>
                    {s && (s.overdue > 0 || s.errors > 0 || s.warnings > 0) ? (
                      <span className="pm-dash-org-sum">
                        {s.overdue > 0 && <span className="pm-sum-overdue">逾期未开展 {s.overdue} 项</span>}
                        {s.errors > 0 && <span className="pm-sum-error">错误 {s.errors}</span>}
                        {s.warnings > 0 && <span className="pm-sum-warn">需注意 {s.warnings}</span>}
                      </span>
                    ) : (
                      <span className="pm-dash-org-sum pm-sum-ok">无待处理事项</span>
                    )}
                  </th>
                </tr>
                {OBLIGATIONS.filter((o) => rows.has(o.id)).map((o) => {
                  const list = rows.get(o.id)!;
                  const span = SPAN[list.length] ?? 1;
                  return (
                    <tr key={o.id}>
                      <th scope="row" className="pm-dash-rowhead">
                        {OBLIGATION_LABELS[o.id]}
                      </th>
                      {list.map((c) => (
                        <td key={c.period} colSpan={span} className={`pm-dcell pm-dcell-${c.state}`}>
                          <button
                            type="button"
                            onClick={() => onOpen(c)}
                            aria-label={`${org.name} ${OBLIGATION_LABELS[o.id]} ${c.periodLabel}：${CELL_STATE_LABELS[c.state]}${c.held ? `，已记录 ${c.held} 次` : ''}`}
                            title={`${c.periodLabel} ${OBLIGATION_LABELS[o.id]}：${CELL_STATE_LABELS[c.state]}`}
                            disabled={c.state === 'not_applicable'}
                          >
                            {cellText(c, span >= 3)}
                          </button>
                        </td>
                      ))}
                    </tr>
                  );
                })}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

export function Legend() {
  const items: [CellState, string, string][] = [
    ['held', '✓', '已开展'],
    ['missing', '待开展', '本期尚未开展，仍在期限内'],
    ['overdue', '未开展', '期限已过，没有记录'],
    ['upcoming', '未到期', '还没到这一期'],
  ];
  return (
    <div className="pm-dash-legend" aria-label="图例">
      {items.map(([s, mark, text]) => (
        <span key={s} className={`pm-dcell pm-dcell-${s} pm-legend-item`}>
          <span>{mark}</span>
          {text}
        </span>
      ))}
      <span>点击格子可查看记录或新建</span>
    </div>
  );
}

/** The 类型 filter of the search screen: one list mixing meeting types and the other record kinds. */
import { MEETING_TYPE_LABELS, MEETING_TYPES } from '../../../shared/model';
import type { SearchOptions } from '../../db';

export interface TypeOption {
  value: string;
  label: string;
}

export const TYPE_OPTIONS: { label: string; options: TypeOption[] }[] = [
  { label: '会议', options: MEETING_TYPES.map((t) => ({ value: `meetings:${t}`, label: MEETING_TYPE_LABELS[t] })) },
  {
    label: '其他记录',
    options: [
      { value: 'talks', label: '谈心谈话' },
      { value: 'appraisals', label: '民主评议党员' },
      { value: 'rectifications', label: '整改事项' },
    ],
  },
];

/** Search options for a 类型 choice (undefined: all records). */
export function typeFilter(value: string | undefined): Pick<SearchOptions, 'tables' | 'kinds'> {
  if (!value) return {};
  const [table, kind] = value.split(':');
  if (table === 'meetings') return { tables: ['meetings'], kinds: kind ? [kind] : undefined };
  if (table === 'talks' || table === 'appraisals' || table === 'rectifications') return { tables: [table] };
  return {};
}

export const RECORD_KIND_LABEL = { meetings: '会议', talks: '谈心谈话', appraisals: '民主评议', rectifications: '整改' } as const;

/**
 * 密级 + 保密期限, one picker for meetings, 谈心谈话 and 民主评议. 保密期限 shows only for
 * national-secret levels (blank = the legal maximum); choosing a lower level drops it.
 */
import { InputNumber, Select, Space } from 'antd';
import {
  CLASSIFICATION_LABELS,
  CLASSIFICATION_LEVELS,
  MAX_SECRECY_YEARS,
  NATIONAL_SECRET_LEVELS,
  type Classification,
  type ClassificationLevel,
} from '../../../shared/model';

const LEVEL_OPTIONS = CLASSIFICATION_LEVELS.map((l) => ({ value: l, label: CLASSIFICATION_LABELS[l] }));

/**
 * `onChange` gets an updater, applied by the editor to its latest draft (the meeting editor may
 * render a step behind the draft while typing).
 */
export function ClassificationField({ value, onChange }: { value: Classification; onChange: (fn: (prev: Classification) => Classification) => void }) {
  const secret = NATIONAL_SECRET_LEVELS.includes(value.level);
  return (
    <Space.Compact data-field="classification" style={{ width: '100%' }}>
      <Select
        id="classification"
        aria-label="密级"
        value={value.level}
        options={LEVEL_OPTIONS}
        style={{ width: secret ? '50%' : '100%' }}
        onChange={(level: ClassificationLevel) => onChange((c) => ({ level, years: NATIONAL_SECRET_LEVELS.includes(level) ? c.years : null }))}
      />
      {secret && (
        <InputNumber
          aria-label="保密期限"
          min={1}
          max={30}
          precision={0}
          value={value.years}
          placeholder={`${MAX_SECRECY_YEARS[value.level]}（法定最长）`}
          suffix="年"
          style={{ width: '50%' }}
          onChange={(v) => onChange((c) => ({ ...c, years: typeof v === 'number' ? v : null }))}
        />
      )}
    </Space.Compact>
  );
}

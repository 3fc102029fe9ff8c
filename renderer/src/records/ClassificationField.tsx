/** 密级 + 保密期限 for 谈心谈话 / 民主评议 records (same behaviour as the meeting editor). */
import { InputNumber, Select, Space } from 'antd';
import {
  CLASSIFICATION_LABELS,
  CLASSIFICATION_LEVELS,
  MAX_SECRECY_YEARS,
  NATIONAL_SECRET_LEVELS,
  type ClassificationLevel,
} from '../../../shared/model';

export interface Classification {
  level: ClassificationLevel;
  years: number | null;
}

const LEVEL_OPTIONS = CLASSIFICATION_LEVELS.map((l) => ({ value: l, label: CLASSIFICATION_LABELS[l] }));

export function ClassificationField({ value, onChange }: { value: Classification; onChange: (c: Classification) => void }) {
  const secret = NATIONAL_SECRET_LEVELS.includes(value.level);
  return (
    <Space.Compact data-field="classification" style={{ width: '100%' }}>
      <Select
        id="classification"
        aria-label="密级"
        value={value.level}
        options={LEVEL_OPTIONS}
        style={{ width: secret ? '50%' : '100%' }}
        onChange={(level: ClassificationLevel) => onChange({ level, years: NATIONAL_SECRET_LEVELS.includes(level) ? value.years : null })}
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
          onChange={(v) => onChange({ ...value, years: typeof v === 'number' ? v : null })}
        />
      )}
    </Space.Compact>
  );
}

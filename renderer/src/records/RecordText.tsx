/**
 * Text input for the record editors (谈心谈话, 民主评议): keeps its own text while typing and lifts
 * every keystroke into the draft (useLocalText), so a slow re-render never drops characters.
 * `field` is the stable path the issues panel focuses (data-field).
 */
import { memo, type CSSProperties } from 'react';
import { Input } from 'antd';
import { useLocalText } from '../meetingEditor/useLocalText';

export interface RecordTextProps {
  field: string;
  value: string;
  onCommit: (v: string) => void;
  ariaLabel: string;
  placeholder?: string;
  multiline?: boolean;
  minRows?: number;
  status?: 'error' | 'warning';
  style?: CSSProperties;
  disabled?: boolean;
  maxLength?: number;
}

export const RecordText = memo(function RecordText(p: RecordTextProps) {
  const [text, setText] = useLocalText(p.value, p.onCommit);
  const common = {
    id: p.field,
    'data-field': p.field,
    'aria-label': p.ariaLabel,
    'aria-invalid': p.status === 'error' ? true : undefined,
    value: text,
    placeholder: p.placeholder,
    status: p.status,
    style: p.style,
    disabled: p.disabled,
  };
  return p.multiline ? (
    <Input.TextArea {...common} autoSize={{ minRows: p.minRows ?? 3, maxRows: 16 }} onChange={(e) => setText(e.target.value)} />
  ) : (
    <Input {...common} onChange={(e) => setText(e.target.value)} />
  );
});

/** Inputs of the editor: local text state, lifted to the record while typing (see useLocalText). */
import { memo, useCallback, useMemo, useState, type CSSProperties, type KeyboardEvent } from 'react';
import { AutoComplete, Input, Typography } from 'antd';
import { MAX_LONG_TEXT } from '../../../shared/model';
import { useEditor, usePeople, type PersonOption } from './context';
import { useLocalText } from './useLocalText';

/** Above this many characters a textarea stops auto-sizing (see TextField). */
export const AUTOSIZE_LIMIT = 3000;

export type FieldStatus = 'error' | 'warning' | undefined;

interface TextFieldProps {
  field: string;
  value: string;
  onCommit: (v: string) => void;
  placeholder?: string;
  status?: FieldStatus;
  ariaLabel?: string;
  style?: CSSProperties;
  /** Multi-line with autosize. */
  multiline?: boolean;
  minRows?: number;
  maxRows?: number;
  onKeyDown?: (e: KeyboardEvent<HTMLTextAreaElement | HTMLInputElement>) => void;
  /** Soft limit shown as a counter near the end (never truncates what was typed or pasted). */
  limit?: number;
}

export const TextField = memo(function TextField(p: TextFieldProps) {
  const { readOnly } = useEditor();
  const [text, setText] = useLocalText(p.value, p.onCommit);
  const limit = p.limit ?? (p.multiline ? MAX_LONG_TEXT : undefined);
  const over = limit !== undefined && text.length > limit;
  const near = limit !== undefined && text.length > limit * 0.9;
  const status = over ? 'error' : p.status;
  const common = {
    id: p.field,
    'data-field': p.field,
    'aria-label': p.ariaLabel,
    'aria-invalid': status === 'error' ? true : undefined,
    value: text,
    placeholder: readOnly ? undefined : p.placeholder,
    status,
    disabled: readOnly,
    style: p.style,
    onKeyDown: p.onKeyDown,
  };
  return (
    <>
      {p.multiline ? (
        <Input.TextArea
          {...common}
          // Auto-height measures the whole text on every keystroke: for long texts use a fixed,
          // scrolling box instead so 50,000-character speeches stay quick to type in.
          autoSize={text.length > AUTOSIZE_LIMIT ? false : { minRows: p.minRows ?? 2, maxRows: p.maxRows ?? 16 }}
          rows={text.length > AUTOSIZE_LIMIT ? (p.maxRows ?? 16) : undefined}
          onChange={(e) => setText(e.target.value)}
        />
      ) : (
        <Input {...common} onChange={(e) => setText(e.target.value)} />
      )}
      {near && (
        <Typography.Text type={over ? 'danger' : 'secondary'} style={{ fontSize: 13 }}>
          已输入 {text.length.toLocaleString('zh-CN')} 字
          {over ? `，超过单项上限 ${limit!.toLocaleString('zh-CN')} 字，无法保存。请把多出的内容拆分到下一条` : `（上限 ${limit!.toLocaleString('zh-CN')} 字）`}
        </Typography.Text>
      )}
    </>
  );
});

interface PersonFieldProps {
  field: string;
  value: string;
  /** Typed text (memberId null) or a pick from the list (memberId set, title given). */
  onCommit: (name: string, picked: PersonOption | null) => void;
  placeholder?: string;
  status?: FieldStatus;
  ariaLabel?: string;
  style?: CSSProperties;
  /** Limit the list (e.g. present attendees first is already the order). */
  options?: readonly PersonOption[];
}

function filterPerson(input: string, option?: { value?: unknown }): boolean {
  const q = input.trim();
  return !q || String(option?.value ?? '').includes(q);
}

const NO_PEOPLE: readonly PersonOption[] = [];

/** Name picker: attendees and roster offered, any other name may be typed. */
export const PersonField = memo(function PersonField(p: PersonFieldProps) {
  const { readOnly } = useEditor();
  const people = usePeople();
  // The list is built only while the field is in use: many pickers on a page stay cheap.
  const [active, setActive] = useState(false);
  const list = active ? (p.options ?? people) : NO_PEOPLE;
  const { onCommit } = p;
  const commitTyped = useCallback((v: string) => onCommit(v, null), [onCommit]);
  const [text, setText] = useLocalText(p.value, commitTyped);
  const options = useMemo(
    () =>
      list.map((o) => ({
        value: o.value,
        label: (
          <span>
            {o.value}
            {(o.title || o.hint) && (
              <Typography.Text type="secondary" style={{ marginLeft: 8, fontSize: 13 }}>
                {[o.title, o.hint].filter(Boolean).join(' · ')}
              </Typography.Text>
            )}
          </span>
        ),
      })),
    [list],
  );
  const byValue = useMemo(() => new Map(list.map((o) => [o.value, o])), [list]);
  return (
    <span data-field={p.field} style={{ display: 'block', ...p.style }}>
    <AutoComplete
      id={p.field}
      aria-label={p.ariaLabel}
      value={text}
      options={options}
      disabled={readOnly}
      status={p.status}
      placeholder={readOnly ? undefined : p.placeholder}
      style={{ width: '100%' }}
      showSearch={{ filterOption: filterPerson }}
      onFocus={() => setActive(true)}
      onBlur={() => setActive(false)}
      onChange={(v: string) => setText(v ?? '')}
      onSelect={(v: string) => {
        const o = byValue.get(v);
        if (!o) return;
        setText(o.name);
        onCommit(o.name, o);
      }}
    />
    </span>
  );
});

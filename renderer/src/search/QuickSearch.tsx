/** The small search box in the side menu: Enter opens 搜索 with the words typed. */
import { Input } from 'antd';
import { navigate } from '../router';

export function QuickSearch() {
  return (
    <Input.Search
      size="small"
      allowClear
      aria-label="快速搜索"
      placeholder="搜索记录…"
      onSearch={(v) => v.trim() && navigate({ name: 'search' }, { q: v.trim() })}
    />
  );
}

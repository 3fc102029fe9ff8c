/** One search snippet: matched text in <mark>, the rest as plain text (React text nodes, inert). */
import type { Segment } from '../../../shared/search';

export function Snippet({ segments }: { segments: Segment[] }) {
  return (
    <div className="pm-search-snippet" style={{ color: '#444', lineHeight: 1.7, wordBreak: 'break-all' }}>
      {segments.map((s, i) =>
        s.hit ? (
          <mark key={i} style={{ background: '#ffe58f', padding: 0, color: 'inherit' }}>
            {s.text}
          </mark>
        ) : (
          <span key={i}>{s.text}</span>
        ),
      )}
    </div>
  );
}

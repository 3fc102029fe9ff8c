/**
 * Text kept in the field's own state while typing, lifted into the record on every keystroke
 * (deferred re-render of the page). The record's value is adopted again only when it changes for
 * another reason (reopen, a roster pick filling the title…), never when it merely echoes what was
 * typed a moment ago — so a slow re-render can never throw away the last characters.
 */
import { useCallback, useRef, useState } from 'react';

export function useLocalText(value: string, commit: (v: string) => void): [string, (v: string) => void] {
  const [text, setText] = useState(value);
  const seenProp = useRef(value);
  const sent = useRef<string[]>([]);

  if (value !== seenProp.current) {
    seenProp.current = value;
    const i = sent.current.lastIndexOf(value);
    if (i >= 0) {
      // Our own echo: forget what has been acknowledged.
      sent.current = sent.current.slice(i + 1);
    } else {
      sent.current = [];
      if (text !== value) setText(value);
    }
  }

  const onChange = useCallback(
    (v: string) => {
      setText(v);
      sent.current.push(v);
      if (sent.current.length > 50) sent.current = sent.current.slice(-50);
      commit(v);
    },
    [commit],
  );
  return [text, onChange];
}

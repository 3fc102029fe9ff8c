/** Search tokenising, record text and snippets (design §8): exact substring semantics. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bigrams,
  FIELD_SEP,
  findMatches,
  highlight,
  indexGrams,
  matchSnippets,
  normaliseQuery,
  normaliseWithMap,
  normaliseText,
  END,
  queryPlan,
  searchFacts,
  searchText,
  searchTitle,
  searchTokens,
} from '../../../shared/search';
import { TALK_SENSITIVE_FIELDS } from '../../../shared/model';
import { appraisal, lifeMeeting, rectification, talk } from '../../fixtures/word/lifeMeetings';
import { committeeMeeting } from '../../fixtures/word/meetings';

/** Naive occurrences (overlapping) of q in t; for alphabets where normalisation changes nothing. */
function naive(t: string, q: string): number[] {
  const out: number[] = [];
  for (let i = 0; i + q.length <= t.length; i++) if (t.slice(i, i + q.length) === q) out.push(i);
  return out;
}

const ALPHABET = ['书', '记', '党', '员', '大', '会', 'a', 'b'];
const text = fc.array(fc.constantFrom(...ALPHABET), { maxLength: 40 }).map((a) => a.join(''));
const query = fc.array(fc.constantFrom(...ALPHABET), { minLength: 1, maxLength: 4 }).map((a) => a.join(''));

const gramsOf = (q: string) => {
  const p = queryPlan(q);
  return p.kind === 'grams' ? p.grams : [];
};

describe('grams', () => {
  it('are the distinct word bigrams in order of characters, never reversed', () => {
    expect(bigrams('书记书记')).toEqual(['书记', '记书']);
    expect(bigrams('支部书记').sort()).toEqual(['支部', '部书', '书记'].sort());
    expect(bigrams('书')).toEqual([]);
    expect(indexGrams('书')).toEqual(['书' + END]);
  });

  it('leave out punctuation and spaces, and mark word characters not followed by one', () => {
    expect(indexGrams('党员，大会 a1').sort()).toEqual(['党员', '员' + END, '大会', '会' + END, 'a1', '1' + END].sort());
    expect(indexGrams('——……')).toEqual([]);
  });

  it('treat a character outside the BMP as one character', () => {
    expect(bigrams('王𬍛同志')).toEqual(['王𬍛', '𬍛同', '同志']);
    expect(queryPlan('𬍛')).toEqual({ kind: 'prefix', char: '𬍛', exact: true });
  });

  it('normalise full-width Latin, case and whitespace; never cross a field', () => {
    expect(normaliseText('ＰＤＦ  文件\n\t附件')).toBe('pdf 文件 附件');
    expect(normaliseText('全角\u3000空格')).toBe('全角 空格');
    expect(bigrams(`会议${FIELD_SEP}记录`)).not.toContain('议记');
    expect(normaliseQuery('  书记\u3000 张三 ')).toBe('书记 张三');
  });

  it('plan queries: pairs when there are any, one character by prefix, punctuation by scan', () => {
    expect(queryPlan('书')).toEqual({ kind: 'prefix', char: '书', exact: true });
    expect(queryPlan('，书')).toEqual({ kind: 'prefix', char: '书', exact: false });
    expect(queryPlan('书记')).toEqual({ kind: 'grams', grams: ['书记'], exact: true });
    expect(gramsOf('支部书记').sort()).toEqual(['支部', '部书', '书记'].sort());
    expect(gramsOf('书记，')).toEqual(['书记', '记' + END]);
    expect(queryPlan('——')).toEqual({ kind: 'scan' });
    expect(queryPlan('   ')).toEqual({ kind: 'none' });
  });

  it('every lookup gram of a query is in the index grams of a text containing it (no false negatives)', () => {
    const alphabet = [...ALPHABET, '，', ' ', '。'];
    const t2 = fc.array(fc.constantFrom(...alphabet), { maxLength: 30 }).map((a) => a.join(''));
    const q2 = fc.array(fc.constantFrom(...alphabet), { minLength: 1, maxLength: 5 }).map((a) => a.join(''));
    fc.assert(
      fc.property(t2, q2, t2, fc.constantFrom('', ' ', 'Ｘ', '\n', FIELD_SEP), (before, q, after, noise) => {
        const doc = noise + before + q + after + noise;
        const grams = indexGrams(doc);
        const plan = queryPlan(q);
        if (plan.kind === 'grams') for (const g of plan.grams) expect(grams).toContain(g);
        if (plan.kind === 'prefix') expect(grams.some((g) => g.startsWith(plan.char))).toBe(true);
      }),
    );
  });

  it('the mapped and the plain normalisation agree on any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), fc.constantFrom('', ' \n ', '　ＡＢ', FIELD_SEP), (s, extra) => {
        const raw = s + extra + s;
        const m = normaliseWithMap(raw);
        expect(m.text).toBe(normaliseText(raw));
        expect(m.start).toHaveLength(m.text.length);
      }),
    );
  });
});

describe('sensitive tokens', () => {
  it('are only added through the tokenizer, and none without one', () => {
    const plain = '学习党章';
    const sensitive = '批评意见';
    const none = searchTokens(plain, sensitive, null);
    expect(none.some((g) => g.includes('批'))).toBe(false);
    const keyed = searchTokens(plain, sensitive, (g) => 'k:' + [...g].map((c) => c.codePointAt(0)).join('.'));
    expect(keyed).toContain('学习');
    expect(keyed.filter((g) => g.startsWith('k:'))).toHaveLength(indexGrams(sensitive).length);
    expect(keyed.some((g) => !g.startsWith('k:') && g.includes('批'))).toBe(false);
  });
});

describe('exact matches and snippets', () => {
  it('书记 never matches 记书', () => {
    expect(findMatches('记书记书', '书记')).toEqual([[1, 3]]);
    expect(findMatches('记书', '书记')).toEqual([]);
  });

  it('report every occurrence, each an exact occurrence (fast-check)', () => {
    fc.assert(
      fc.property(text, query, (t, q) => {
        const found = findMatches(t, q);
        for (const [s, e] of found) expect(t.slice(s, e)).toBe(q);
        expect(found.map(([s]) => s)).toEqual(naive(t, q));
      }),
    );
  });

  it('highlight covers exactly the union of the occurrences and loses no text (fast-check)', () => {
    fc.assert(
      fc.property(text, query, (t, q) => {
        const segs = highlight(t, q);
        expect(segs.map((s) => s.text).join('')).toBe(t);
        const covered = new Array<boolean>(t.length).fill(false);
        for (const i of naive(t, q)) for (let k = i; k < i + q.length; k++) covered[k] = true;
        let pos = 0;
        for (const s of segs) {
          for (let k = pos; k < pos + s.text.length; k++) expect(covered[k]).toBe(s.hit);
          pos += s.text.length;
        }
      }),
    );
  });

  it('snippets with unlimited context show every occurrence of every field', () => {
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 4 }), query, (fields, q) => {
        const snippets = matchSnippets(fields.join(FIELD_SEP), q, { context: 1000, max: 1000 });
        const hits = snippets.flat().filter((s) => s.hit);
        const expected = fields.flatMap((f) => highlight(f, q).filter((s) => s.hit));
        expect(hits).toEqual(expected);
        for (const s of snippets.flat()) expect(s.text.includes(FIELD_SEP)).toBe(false);
      }),
    );
  });

  it('highlight the original characters when the match needed normalisation', () => {
    expect(highlight('请下载ＰＤＦ  版本', 'pdf 版')).toEqual([
      { text: '请下载', hit: false },
      { text: 'ＰＤＦ  版', hit: true },
      { text: '本', hit: false },
    ]);
    expect(findMatches('王𬍛同志', '𬍛同')).toEqual([[1, 4]]);
  });

  it('cut long text around the hit with ellipses', () => {
    const long = '甲'.repeat(50) + '主题党日' + '乙'.repeat(50);
    const [s] = matchSnippets(long, '主题党日', { context: 5 });
    expect(s).toEqual([
      { text: '…', hit: false },
      { text: '甲甲甲甲甲', hit: false },
      { text: '主题党日', hit: true },
      { text: '乙乙乙乙乙', hit: false },
      { text: '…', hit: false },
    ]);
    expect(matchSnippets(long, '丙')).toEqual([]);
  });
});

describe('record text', () => {
  it('a talk shows names, theme and type only; everything said is sensitive', () => {
    const t = talk();
    const { plain, sensitive } = searchText('talks', t);
    expect(plain).toContain('王建国');
    expect(plain).toContain('刘洋');
    expect(plain).toContain('组织生活会前谈心');
    for (const f of TALK_SENSITIVE_FIELDS) {
      const v = t[f];
      const texts = typeof v === 'string' ? [v] : v.map((i) => i.text);
      for (const x of texts) {
        expect(plain.includes(x.trim()), f).toBe(false);
        expect(sensitive.includes(x.trim()), f).toBe(true);
      }
    }
  });

  it('a life meeting keeps self-criticism, criticism and 表态 out of the plain text', () => {
    const m = lifeMeeting();
    const { plain, sensitive } = searchText('meetings', m);
    const life = m.life!;
    for (const p of life.participants) {
      expect(plain).toContain(p.name);
      for (const c of p.criticisms) expect(plain.includes(c.text)).toBe(false);
      for (const pr of p.problems) expect(plain.includes(pr.manifestation)).toBe(false);
      if (p.response) {
        expect(plain.includes(p.response)).toBe(false);
        expect(sensitive).toContain(p.response);
      }
    }
    expect(plain).toContain(life.theme);
  });

  it('meeting, appraisal and rectification text and titles', () => {
    const m = committeeMeeting();
    const mt = searchText('meetings', m).plain;
    expect(mt).toContain(m.agenda[0].title);
    expect(mt).toContain(m.agenda[0].speeches[0].content.trim());
    expect(searchTitle('meetings', m, '第一党支部')).toBe(`第一党支部 ${m.year}年第${m.seq}次支委会`);
    expect(searchFacts('meetings', m)).toMatchObject({ orgId: m.orgId, date: m.date, kind: 'committee', live: 1 });

    const a = appraisal();
    const at = searchText('appraisals', a);
    expect(at.plain).toContain(a.entries[0].name);
    if (a.entries[0].selfAppraisal) expect(at.plain.includes(a.entries[0].selfAppraisal)).toBe(false);

    const r = rectification();
    expect(searchText('rectifications', r).plain).toContain(r.problem);
    expect(searchFacts('rectifications', r).date).toBe(r.raisedDate);
    const t = talk();
    expect(searchTitle('talks', t, '')).toBe(`谈心谈话 王建国→刘洋 ${t.date}（组织生活会前谈心）`);
  });
});

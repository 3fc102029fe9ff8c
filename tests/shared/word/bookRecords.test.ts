/**
 * Which records of other kinds a 台账合订本 binds: the 整改台账 of every 年度 worked on in the period,
 * dated at its end (or today); talks named by who talked with whom, a 集体谈话's list cut short.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_DOCUMENT_PROFILE as P } from '../../../shared/model/documentProfile';
import { ledgerYears, rectificationEntries, talkEntry } from '../../../shared/word/bookRecords';
import { ORG } from '../../fixtures/word/meetings';
import { rectification, talk } from '../../fixtures/word/lifeMeetings';

const party = (name: string) => ({ memberId: null, name, post: '', politicalStatus: '' });

describe('合订本 entries for talks and 整改台账', () => {
  it('binds the ledger of each 年度 with items raised by the period end and still open at its start', () => {
    const items = [
      // 2023: closed before 2025 began — not in the 2025 book.
      rectification({ annualYear: 2023, raisedDate: '2024-01-10', status: 'closed', closedDate: '2024-12-20' }),
      // 2024: raised in January 2025, worked on through the year.
      rectification({ annualYear: 2024, raisedDate: '2025-01-20' }),
      // 2025: raised at the 2025年度 meeting in January 2026 — in the 2026 book, not this one.
      rectification({ annualYear: 2025, raisedDate: '2026-01-15' }),
      // Deleted items never count.
      rectification({ annualYear: 2022, raisedDate: '2025-02-01', deletedAt: '2025-03-01T00:00:00.000Z' }),
    ];
    expect(ledgerYears(items, { year: 2025 })).toEqual([2024]);
    expect(ledgerYears(items, { year: 2026 })).toEqual([2024, 2025]);
    expect(ledgerYears(items, { year: 2024, quarter: 4 })).toEqual([2023]);
    // The 2023 item closed on 2024-12-20 is still in the fourth quarter's book, not in 2025's first.
    expect(ledgerYears(items, { year: 2025, quarter: 1 })).toEqual([2024]);
  });

  it('dates the ledger at the period end, or today while the period runs, after every record of that day', () => {
    const items = [rectification({ annualYear: 2024, raisedDate: '2025-01-20' }), rectification({ annualYear: 2024, raisedDate: '2025-05-02' })];
    const [done] = rectificationEntries(items, ORG, { year: 2025, quarter: 1 }, '2026-01-05', { profile: P });
    expect(done.date).toBe('2025-03-31');
    // Items raised after the period end are not in that period's ledger.
    expect(done.label).toBe('整改台账（2024年度，共 1 项）');
    expect(done.landscape).toBe(true);
    const [running] = rectificationEntries(items, ORG, { year: 2025 }, '2025-07-01', { profile: P });
    expect(running.date).toBe('2025-07-01');
    expect(running.label).toBe('整改台账（2024年度，共 2 项）');
    expect(rectificationEntries([], ORG, { year: 2025 }, '2026-01-05', { profile: P })).toEqual([]);
  });

  it('names a talk by who talked with whom; a group talk of many by the first two and the count', () => {
    expect(talkEntry(talk({ date: '2025-03-15', startTime: '08:30' }), ORG, { profile: P })).toMatchObject({
      date: '2025-03-15',
      time: '08:30',
      label: '谈心谈话记录表（王建国与刘洋）',
      draft: false,
    });
    const group = talk({ form: 'group', interviewees: ['刘洋', '冯晓', '陈静', '杨帆'].map(party), status: 'draft' });
    expect(talkEntry(group, ORG, { profile: P })).toMatchObject({ label: '谈心谈话记录表（王建国与刘洋、冯晓等 4 人）', draft: true });
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  dayNumber,
  formatWorkCalendarText,
  fromDayNumber,
  isWorkingDay,
  mergeWorkCalendars,
  parseWorkCalendarText,
  workingDaysBetween,
  type WorkCalendar,
} from '../../../shared/checks/workCalendar';

// 2026 National Day: 10-01..10-07 off (Thu..Wed), Sunday 09-27 and Saturday 10-10 worked (sample data).
const NATIONAL_DAY = `# 2026 国庆
2026-10-01~2026-10-07 休
2026-09-27 班
2026/10/10,班`;

describe('工作日历 import', () => {
  it('reads ranges, single days, CSV and other date spellings', () => {
    const r = parseWorkCalendarText(NATIONAL_DAY);
    expect(r.errors).toEqual([]);
    expect(r.calendar.holidays).toHaveLength(7);
    expect(r.calendar.holidays[0]).toBe('2026-10-01');
    expect(r.calendar.workdays).toEqual(['2026-09-27', '2026-10-10']);
    expect(parseWorkCalendarText('日期,类型\n2026年5月1日,放假').calendar.holidays).toEqual(['2026-05-01']);
  });

  it('reports bad lines by number with what to do, and keeps the good ones', () => {
    const r = parseWorkCalendarText('2026-02-30 休\n2026-05-01 休\n2026-05-05 玩\n2026-05-09~2026-05-08 班\n2026-05-01 班\nhello');
    expect(r.calendar.holidays).toEqual(['2026-05-01']);
    expect(r.errors.map((e) => e.line)).toEqual([1, 3, 4, 5, 6]);
    expect(r.errors[0].message).toContain('第 1 行');
    expect(r.errors[0].message).toContain('不是有效日期');
    expect(r.errors[1].message).toContain('请写“休”');
    expect(r.errors[2].message).toContain('结束日期早于开始日期');
    expect(r.errors[3].message).toContain('同一天不能既放假又上班');
  });

  it('export → import gives the same calendar (any calendar)', () => {
    const day = fc.integer({ min: dayNumber('2020-01-01'), max: dayNumber('2030-12-31') }).map(fromDayNumber);
    fc.assert(
      fc.property(fc.uniqueArray(day, { maxLength: 40 }), fc.uniqueArray(day, { maxLength: 10 }), (h, w) => {
        const cal: WorkCalendar = { holidays: h.filter((d) => !w.includes(d)).sort(), workdays: [...w].sort() };
        const back = parseWorkCalendarText(formatWorkCalendarText(cal));
        expect(back.errors).toEqual([]);
        expect(back.calendar).toEqual(cal);
      }),
    );
  });

  it('never throws on arbitrary text and only returns real dates', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const r = parseWorkCalendarText(text);
        for (const d of [...r.calendar.holidays, ...r.calendar.workdays]) expect(fromDayNumber(dayNumber(d))).toBe(d);
      }),
    );
  });

  it('merging keeps the newer meaning of a date', () => {
    const merged = mergeWorkCalendars({ holidays: ['2026-05-01'], workdays: [] }, { holidays: [], workdays: ['2026-05-01'] });
    expect(merged).toEqual({ holidays: [], workdays: ['2026-05-01'] });
  });
});

describe('working days', () => {
  const cal = parseWorkCalendarText(NATIONAL_DAY).calendar;
  it('weekends and holidays are off, 调休 days are on', () => {
    expect(isWorkingDay(cal, '2026-10-02')).toBe(false);
    expect(isWorkingDay(cal, '2026-10-10')).toBe(true); // Saturday worked
    expect(isWorkingDay(cal, '2026-10-11')).toBe(false); // Sunday
    expect(isWorkingDay(cal, '2026-10-08')).toBe(true);
  });
  it('addWorkingDays skips the holiday week', () => {
    // Meeting on Wed 2026-09-30: 3 working days later is Fri 10-09 (10-08, 10-09, then Sat 10-10 worked → 10-10).
    expect(addWorkingDays(cal, '2026-09-30', 2)).toBe('2026-10-09');
    expect(addWorkingDays(cal, '2026-09-30', 3)).toBe('2026-10-10');
    expect(addWorkingDays({ holidays: [], workdays: [] }, '2026-09-30', 3)).toBe('2026-10-05');
  });
  it('workingDaysBetween counts (from, to]', () => {
    expect(workingDaysBetween(cal, '2026-09-30', '2026-10-10')).toBe(3);
    expect(workingDaysBetween(cal, '2026-10-10', '2026-09-30')).toBe(-3);
    expect(workingDaysBetween(cal, '2026-09-25', '2026-09-28')).toBe(2); // Sun 09-27 worked + Mon
  });
  it('agrees with day-by-day counting and with addWorkingDays (any calendar)', () => {
    const base = dayNumber('2026-01-01');
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 120 }), { maxLength: 30 }),
        fc.uniqueArray(fc.integer({ min: 0, max: 120 }), { maxLength: 10 }),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 20 }),
        (h, w, start, n) => {
          const c: WorkCalendar = { holidays: h.map((x) => fromDayNumber(base + x)), workdays: w.map((x) => fromDayNumber(base + x)) };
          const from = fromDayNumber(base + start);
          let slow = 0;
          for (let d = base + start + 1; d <= base + start + 40; d++) if (isWorkingDay(c, fromDayNumber(d))) slow++;
          expect(workingDaysBetween(c, from, fromDayNumber(base + start + 40))).toBe(slow);
          const end = addWorkingDays(c, from, n);
          expect(workingDaysBetween(c, from, end)).toBe(n);
          if (n > 0) expect(isWorkingDay(c, end)).toBe(true);
        },
      ),
    );
  });
});

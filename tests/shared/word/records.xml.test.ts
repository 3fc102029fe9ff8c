/**
 * XML of the record documents beyond the minutes (issue #5 item 6): life-meeting sections in both
 * minutes layouts, the per-person 批评与自我批评记录, 谈心谈话记录表, 测评表 / 汇总表, 整改台账 and the
 * draft 召开情况报告. Page set-up (landscape), fonts through the named styles, fixed widths, repeated
 * header rows, cantSplit, markings, 草稿, inert file names.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_DOCUMENT_PROFILE as P } from '../../../shared/model/documentProfile';
import {
  appraisalFileName,
  appraisalTotals,
  buildAppraisalMarkSheet,
  buildAppraisalTally,
  buildCriticismRecord,
  buildLifeMeetingReport,
  buildMinutes,
  buildRectificationLedger,
  buildTalkRecords,
  criticismFileName,
  LEDGER_COLUMNS,
  ledgerFileName,
  lifeReportFileName,
  MARK_SHEET_COLUMNS,
  recordFileName,
  TALK_TABLE_COLUMNS,
  TALLY_COLUMNS,
  talkFileName,
  wordFileName,
} from '../../../shared/word';
import { ORG, classified } from '../../fixtures/word/meetings';
import { appraisal, democraticLifeMeeting, ledgerItems, lifeMeeting, talk, yearOfTalks } from '../../fixtures/word/lifeMeetings';
import type { AppraisalEntry } from '../../../shared/model';
import { attr, bodyOf, docxParts, headerXml, paragraphs, rows, styleSheet } from './helpers';

const TODAY = '2026-07-01';
const text = (xml: string) => paragraphs(xml).map((p) => p.text).join('\n');
const gridCols = (xml: string) => [...xml.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));

describe('life-meeting minutes (both layouts, both types)', () => {
  it.each(['gongwen', 'table'] as const)('%s: every block of a 组织生活会 appears in meeting order', async (layout) => {
    const body = text(bodyOf(await docxParts(buildMinutes(lifeMeeting(), ORG, { profile: P, draft: false, layout }))));
    const order = ['年度', '主题', '召开形式', '会议议题', '会前准备情况', '上年度整改落实情况通报', '支部班子对照检查', '批评与自我批评', '上级督导点评', '主持人小结'];
    let at = -1;
    for (const label of order) {
      const i = body.indexOf(label, at + 1);
      expect(i, label).toBeGreaterThan(at);
      at = i;
    }
    expect(body).toContain('（一）王建国（书记）');
    expect(body).toContain('（四）刘洋（党员）');
    expect(body).toContain('具体表现：政治纪律方面');
    expect(body).toContain('原因剖析：');
    expect(body).toContain('整改方向：');
    expect(body).toContain('赵志刚：批评王建国');
    expect(body).toContain('表态：');
    expect(body).toContain('陈立新（机关党委专职副书记）：');
    expect(body).toContain('开展谈心谈话 2 次');
    // 谈话函询 belongs to the 民主生活会 only.
    expect(body).not.toContain('谈话函询');
  });

  it.each(['gongwen', 'table'] as const)('%s: a 民主生活会 has 领导班子 and 谈话函询情况说明, no 召开形式', async (layout) => {
    const body = text(bodyOf(await docxParts(buildMinutes(democraticLifeMeeting(), ORG, { profile: P, draft: true, layout }))));
    expect(body).toContain('领导班子对照检查');
    expect(body).toContain('谈话函询情况说明');
    expect(body).toContain('王建国（主要负责同志）');
    expect(body).not.toContain('召开形式');
  });

  it('aspects follow the year’s list; empty problems and criticisms are not printed', async () => {
    const m = lifeMeeting();
    const life = m.life!;
    life.committeeProblems = [
      { ...life.committeeProblems[0], aspect: '工作纪律' },
      { ...life.committeeProblems[1], aspect: '政治纪律' },
      { ...life.committeeProblems[2], manifestation: '', cause: '', direction: '' },
    ];
    life.participants[0].criticisms.push({ id: 'empty-c', criticId: null, criticName: '空白', text: '  ', rectificationId: null });
    const body = text(bodyOf(await docxParts(buildMinutes(m, ORG, { profile: P, draft: false, layout: 'gongwen' }))));
    expect(body.indexOf('（一）政治纪律')).toBeLessThan(body.indexOf('（二）工作纪律'));
    expect(body).not.toContain('（三）组织纪律');
    expect(body).not.toContain('空白：');
  });
});

describe('批评与自我批评记录', () => {
  it('one person: only that person’s texts, the 公文 page, 黑体 labels, signature line', async () => {
    const m = lifeMeeting();
    const p = m.life!.participants[1];
    const parts = await docxParts(buildCriticismRecord(m, ORG, { profile: P, draft: false, participantId: p.id }));
    const doc = bodyOf(parts);
    const body = text(doc);
    expect(body).toContain('姓名：赵志刚');
    expect(body).not.toContain('姓名：王建国');
    expect(body).toContain('本人（签字）：');
    expect(attr(doc, 'w:pgSz', 'w:w')).toBe('11906');
    expect(attr(doc, 'w:pgSz', 'w:orient')).toBe('portrait');
    const ss = styleSheet(parts);
    const label = paragraphs(doc).find((x) => x.text.startsWith('自我批评（查摆问题）'))!;
    expect(ss.rPr(label, label.runs[0])).toContain('w:eastAsia="黑体"');
    const item = paragraphs(doc).find((x) => x.text.includes('具体表现：'))!;
    expect(ss.rPr(item, item.runs[item.runs.length - 1])).toContain('w:eastAsia="仿宋_GB2312"');
    expect(ss.pPr(item)).toContain('w:line="579"');
  });

  it('all persons: one per page (page break before each later title), never an empty first page', async () => {
    const m = lifeMeeting();
    const doc = bodyOf(await docxParts(buildCriticismRecord(m, ORG, { profile: P, draft: false, participantId: 'all' })));
    const ps = paragraphs(doc);
    const breaks = ps.filter((p) => p.pPr.includes('<w:pageBreakBefore/>'));
    expect(breaks).toHaveLength(m.life!.participants.length - 1);
    expect(ps[0].pPr).not.toContain('pageBreakBefore');
    expect(ps.filter((p) => p.text.startsWith('姓名：')).map((p) => p.text)).toEqual(['姓名：王建国', '姓名：赵志刚', '姓名：孙丽华', '姓名：刘洋']);
  });

  it('an unknown person or a meeting without the block is refused in Chinese', () => {
    expect(() => buildCriticismRecord(lifeMeeting(), ORG, { profile: P, draft: false, participantId: 'nobody' })).toThrow(/没有这名参会人员/);
    const plain = { ...lifeMeeting(), life: null };
    expect(() => buildCriticismRecord(plain, ORG, { profile: P, draft: false, participantId: 'all' })).toThrow(/只有组织生活会/);
  });

  it('the 密级 marking of the meeting is on every person’s first page; drafts say 草稿', async () => {
    const m = classified(lifeMeeting(), 'secret', 5);
    const parts = await docxParts(buildCriticismRecord(m, ORG, { profile: P, draft: true, participantId: 'all' }));
    const ps = paragraphs(bodyOf(parts));
    expect(ps.filter((p) => p.text === '秘密★5年')).toHaveLength(4);
    expect(text(headerXml(parts, 'default'))).toContain('草稿');
  });
});

describe('谈心谈话记录表', () => {
  it('fixed widths (gridCol and tcW), fixed layout, the labelled cells of domain §3.2', async () => {
    const doc = bodyOf(await docxParts(buildTalkRecords([talk()], ORG, { profile: P })));
    expect(gridCols(doc)).toEqual([...TALK_TABLE_COLUMNS]);
    expect(doc).toContain('<w:tblLayout w:type="fixed"/>');
    expect(attr(doc, 'w:tblW', 'w:w')).toBe('8844');
    const body = text(doc);
    for (const label of ['谈话时间', '谈话地点', '谈话人', '谈话对象', '谈话类型', '谈话方式', '谈话主题', '谈话人谈话要点', '谈话对象谈话要点', '反映的问题及意见建议', '相互提出的批评意见', '谈话对象态度及表态', '后续跟进及处理情况', '记录人', '谈话人签字', '谈话对象签字']) {
      expect(body).toContain(label);
    }
    expect(body).toContain('对支部班子：');
    expect(body).toContain('困难诉求：');
    expect(body).toContain('跟进人：赵志刚；时限：2026年2月28日；未落实');
  });

  it('a batch: sorted by date, one form per page, the strictest marking first, 草稿 if any talk is a draft', async () => {
    const talks = yearOfTalks();
    const parts = await docxParts(buildTalkRecords(talks, ORG, { profile: P }));
    const doc = bodyOf(parts);
    expect((doc.match(/<w:tbl>/g) ?? []).length).toBe(5);
    const ps = paragraphs(doc);
    expect(ps.filter((p) => p.pPr.includes('<w:pageBreakBefore/>'))).toHaveLength(4);
    const dates = [...doc.matchAll(/(\d{4})年(\d+)月(\d+)日（星期/g)].map((m) => `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`);
    expect(dates).toEqual([...dates].sort());
    expect(ps[0].text).toBe('内部资料 注意保存');
    expect(text(headerXml(parts, 'default'))).toContain('草稿');
    const finals = await docxParts(buildTalkRecords(talks.filter((t) => t.status === 'final'), ORG, { profile: P }));
    expect(headerXml(finals, 'default')).toBe('');
  });

  it('file names: who and when for one talk, year and count for a batch; never a path', () => {
    expect(talkFileName([talk()], ORG, { profile: P })).toBe('中共××局机关第一党支部王建国与刘洋谈心谈话记录表（2026年1月10日）.docx');
    const talks = yearOfTalks();
    expect(talkFileName(talks, ORG, { profile: P, year: 2025 })).toBe('中共××局机关第一党支部2025年度谈心谈话记录表（5份）（草稿）.docx');
    const hostile = talk({ interviewer: { memberId: null, name: '../../etc/passwd', post: '', politicalStatus: '' } });
    const name = talkFileName([hostile], { fullName: 'C:\\Windows\\' }, { profile: P });
    expect(name).not.toMatch(/[/\\]/);
    expect(name.endsWith('.docx')).toBe(true);
    expect(talkFileName([{ ...talk(), classification: { level: 'confidential', years: 10 } }], ORG, { profile: P })).toMatch(/^【机密★10年】/);
  });

  it('an empty selection is refused in Chinese', () => {
    expect(() => buildTalkRecords([], ORG, { profile: P })).toThrow(/没有可导出的谈心谈话记录/);
  });
});

describe('民主测评表 and 测评汇总表', () => {
  it('测评表: portrait, one row per member with four boxes, 预备党员 merged as 参评不定等次, repeated head, no voter', async () => {
    const a = appraisal();
    const parts = await docxParts(buildAppraisalMarkSheet(a, ORG, { profile: P }));
    const doc = bodyOf(parts);
    expect(attr(doc, 'w:pgSz', 'w:orient')).toBe('portrait');
    expect(gridCols(doc)).toEqual([...MARK_SHEET_COLUMNS]);
    const trs = rows(doc);
    expect(trs).toHaveLength(1 + a.entries.length);
    expect(trs[0]).toContain('<w:tblHeader/>');
    for (const tr of trs) expect(tr).toContain('<w:cantSplit/>');
    const full = trs.filter((tr) => (tr.match(/□/g) ?? []).length === 4);
    expect(full).toHaveLength(7);
    const prob = trs.find((tr) => tr.includes('冯晓'))!;
    expect(prob).toContain('<w:gridSpan w:val="4"/>');
    expect(prob).toContain('参评不定等次');
    // A blank form: no votes, no feedback person, never a draft.
    expect(text(doc)).not.toContain('反馈');
    expect(headerXml(parts, 'default')).toBe('');
  });

  it('汇总表: A4 landscape with the turned GB margins, fixed widths summing to the landscape 版心, header repeated', async () => {
    const parts = await docxParts(buildAppraisalTally(appraisal(), ORG, { profile: P }));
    const doc = bodyOf(parts);
    expect(attr(doc, 'w:pgSz', 'w:w')).toBe('16838');
    expect(attr(doc, 'w:pgSz', 'w:h')).toBe('11906');
    expect(attr(doc, 'w:pgSz', 'w:orient')).toBe('landscape');
    expect(attr(doc, 'w:pgMar', 'w:top')).toBe('1587');
    expect(attr(doc, 'w:pgMar', 'w:left')).toBe('1984');
    expect(attr(doc, 'w:pgMar', 'w:right')).toBe('2098');
    expect(attr(doc, 'w:pgMar', 'w:bottom')).toBe('1474');
    expect(gridCols(doc)).toEqual([...TALLY_COLUMNS]);
    expect(TALLY_COLUMNS.reduce((x, y) => x + y, 0)).toBe(16838 - 1984 - 2098);
    const trs = rows(doc);
    expect(trs[0]).toContain('<w:tblHeader/>');
    const ss = styleSheet(parts);
    const head = paragraphs(trs[0]).find((p) => p.text === '优秀票率')!;
    expect(ss.rPr(head, head.runs[0])).toContain('w:eastAsia="黑体"');
    expect(ss.rPr(head, head.runs[0])).toContain('<w:sz w:val="24"/>');
    const cell = paragraphs(trs[1]).find((p) => p.text === '88.8%')!;
    expect(ss.rPr(cell, cell.runs[0])).toContain('w:eastAsia="仿宋_GB2312"');
    expect(ss.rPr(cell, cell.runs[0])).toContain('<w:sz w:val="21"/>');
    const total = trs[trs.length - 1];
    expect(text(total)).toContain('合计');
    expect(text(total)).toContain('基本合格 1 人');
  });

  it('totals: votes and 应/实参评 add up over graded members; grade counts add up to the graded members', () => {
    const grades = ['excellent', 'qualified', 'basic', 'unqualified', null] as const;
    const entryArb = fc.record({
      status: fc.constantFrom('full', 'full', 'probationary'),
      e: fc.nat(50),
      q: fc.nat(50),
      b: fc.nat(50),
      u: fc.nat(50),
      should: fc.nat(60),
      did: fc.nat(60),
      grade: fc.constantFrom(...grades),
    });
    fc.assert(
      fc.property(fc.array(entryArb, { maxLength: 30 }), (xs) => {
        const base = appraisal().entries[0];
        const entries: AppraisalEntry[] = xs.map((x, i) => ({
          ...base,
          id: `e${i}`,
          status: x.status as AppraisalEntry['status'],
          votes: { excellent: x.e, qualified: x.q, basic: x.b, unqualified: x.u },
          shouldRate: x.should,
          didRate: x.did,
          finalGrade: x.grade,
        }));
        const t = appraisalTotals(entries);
        const graded = xs.filter((x) => x.status === 'full');
        expect(t.votes.excellent).toBe(graded.reduce((s, x) => s + x.e, 0));
        expect(t.votes.unqualified).toBe(graded.reduce((s, x) => s + x.u, 0));
        expect(t.didRate).toBe(graded.reduce((s, x) => s + x.did, 0));
        expect(t.graded).toBe(graded.length);
        expect(t.probationary).toBe(xs.length - graded.length);
        expect(t.grades.excellent + t.grades.qualified + t.grades.basic + t.grades.unqualified + t.ungraded).toBe(graded.length);
      }),
    );
  });

  it('file names: the blank 测评表 is never a draft; a draft 汇总表 is', () => {
    const a = appraisal({ status: 'draft' });
    expect(appraisalFileName(a, ORG, 'mark-sheet', { profile: P })).toBe('中共××局机关第一党支部2025年度民主评议党员民主测评表.docx');
    expect(appraisalFileName(a, ORG, 'tally', { profile: P })).toBe('中共××局机关第一党支部2025年度民主评议党员测评汇总表（草稿）.docx');
  });
});

describe('整改清单 / 整改台账', () => {
  it('landscape, fixed widths, header repeated, every short row cantSplit, 逾期 computed for the export date', async () => {
    const parts = await docxParts(buildRectificationLedger(ledgerItems(), ORG, { profile: P, annualYear: 2025, today: TODAY }));
    const doc = bodyOf(parts);
    expect(attr(doc, 'w:pgSz', 'w:orient')).toBe('landscape');
    expect(attr(doc, 'w:pgSz', 'w:w')).toBe('16838');
    expect(gridCols(doc)).toEqual([...LEDGER_COLUMNS]);
    expect(attr(doc, 'w:tblW', 'w:w')).toBe('12756');
    expect(doc).toContain('<w:tblLayout w:type="fixed"/>');
    const trs = rows(doc);
    expect(trs).toHaveLength(1 + 5);
    expect(trs[0]).toContain('<w:tblHeader/>');
    for (const tr of trs) expect(tr).toContain('<w:cantSplit/>');
    // Widths in every cell too (WPS reads tcW).
    expect([...trs[1].matchAll(/<w:tcW w:type="dxa" w:w="(\d+)"\/>/g)].map((m) => Number(m[1]))).toEqual([...LEDGER_COLUMNS]);
    // The status cell says 逾期 (the stored status is 推进中 / 未开始).
    expect(paragraphs(doc).filter((p) => p.text === '逾期')).toHaveLength(2);
    expect(text(doc)).toContain('截至2026年7月1日，共 5 项');
    // Before the deadlines nothing is overdue.
    const early = bodyOf(await docxParts(buildRectificationLedger(ledgerItems(), ORG, { profile: P, annualYear: 2025, today: '2026-02-01' })));
    expect(text(early)).not.toContain('逾期');
  });

  it('the team list and the personal lists; the title says which; marked 内部 by default', async () => {
    const team = bodyOf(await docxParts(buildRectificationLedger(ledgerItems(), ORG, { profile: P, annualYear: 2025, listKind: 'team', today: TODAY })));
    expect(text(team)).toContain('2025年度支部班子整改清单');
    expect(rows(team)).toHaveLength(1 + 3);
    expect(paragraphs(team)[0].text).toBe('内部资料 注意保存');
    const personal = bodyOf(await docxParts(buildRectificationLedger(ledgerItems(), ORG, { profile: P, annualYear: 2025, listKind: 'personal', today: TODAY })));
    expect(text(personal)).toContain('2025年度个人整改清单');
    expect(rows(personal)).toHaveLength(1 + 2);
    const none = bodyOf(await docxParts(buildRectificationLedger([], ORG, { profile: P, annualYear: 2025, today: TODAY, classification: { level: 'none', years: null } })));
    expect(text(none)).toContain('本年度暂无整改事项');
    expect(text(none)).not.toContain('内部资料');
    expect(ledgerFileName(ORG, { profile: P, annualYear: 2025, listKind: 'team' })).toBe('中共××局机关第一党支部2025年度支部班子整改清单.docx');
  });
});

describe('召开情况报告（草稿）', () => {
  it('always a draft; facts from the records; the secretary’s parts are marked blanks', async () => {
    const m = lifeMeeting();
    const parts = await docxParts(buildLifeMeetingReport(m, ORG, { talks: yearOfTalks(), rectifications: ledgerItems(), appraisal: appraisal() }, { profile: P, today: TODAY }));
    expect(text(headerXml(parts, 'default'))).toContain('草稿');
    const body = text(bodyOf(parts));
    expect(body).toContain('2026年1月15日，中共××局机关第一党支部在机关办公楼三楼第二会议室召开2025年度组织生活会');
    expect(body).toContain('会议主题为“深入学习贯彻中央八项规定精神　加强党性修养”');
    expect(body).toContain('缺席 2 人：周明（公出）、陈静（病假）');
    expect(body).toContain('会前学习：已完成（2026年1月5日），集中学习 2 次。');
    expect(body).toContain('会前共开展谈心谈话 2 次（个别谈话 2 次）');
    expect(body).toContain('支部班子查摆问题 3 条，其中政治纪律 1 条，组织纪律 1 条，工作纪律 1 条。');
    expect(body).toContain('4 名同志开展自我批评，共查摆问题 7 条，其中政治纪律 3 条，工作纪律 3 条，生活纪律 1 条。');
    expect(body).toContain('共提出批评意见 7 条，涉及 4 名同志。');
    expect(body).toContain('会后列入支部班子整改清单 3 项、个人整改清单 2 项（涉及 2 人）');
    expect(body).toContain('上年度整改事项截至2026年7月1日，共 1 项，其中已销号 1 项。');
    expect(body).toContain('其中评定优秀 1 人，合格 5 人，基本合格 1 人，不合格 0 人；预备党员 1 人参评不定等次。');
    const blanks = body.match(/（此处由支部书记填写：[^）]+）/g) ?? [];
    expect(blanks.length).toBeGreaterThanOrEqual(4);
    // The report never quotes the sensitive texts.
    expect(body).not.toContain('批评王建国');
    expect(body).not.toContain('诚恳接受');
    expect(lifeReportFileName(m, ORG, { profile: P })).toBe('中共××局机关第一党支部关于召开2025年度组织生活会情况的报告（草稿）.docx');
  });

  it('without talks, items or an appraisal: zero counts, no invented 民主评议 section', async () => {
    const body = text(bodyOf(await docxParts(buildLifeMeetingReport(democraticLifeMeeting(), ORG, { talks: [], rectifications: [], appraisal: null }, { profile: P, today: TODAY }))));
    expect(body).toContain('关于召开2025年度民主生活会情况的报告');
    expect(body).toContain('领导班子整改清单 0 项');
    expect(body).toContain('谈话函询');
    expect(body).not.toContain('民主评议党员情况');
  });
});

describe('file names of the life-meeting outputs', () => {
  it('per-person and all-persons names; ★ marking in front; hostile names stay inert', () => {
    const m = classified(lifeMeeting(), 'confidential', null);
    const p = m.life!.participants[0];
    expect(criticismFileName(m, ORG, { profile: P, draft: false, participantId: p.id })).toBe(
      '【机密★20年】中共××局机关第一党支部2025年度组织生活会批评与自我批评记录（王建国）.docx',
    );
    expect(criticismFileName(m, ORG, { profile: P, draft: true, participantId: 'all' })).toMatch(/（全体）（草稿）\.docx$/);
    const evil = lifeMeeting();
    evil.life!.participants[0].name = '../../..\\x:*?"<>|';
    const name = criticismFileName(evil, ORG, { profile: P, draft: false, participantId: evil.life!.participants[0].id });
    expect(name).not.toMatch(/[/\\:*?"<>|]/);
    expect(recordFileName('a/b\\c', { level: 'none', years: null }, true)).not.toMatch(/[/\\]/);
    // The minutes of a life meeting keep the minutes' own name.
    expect(wordFileName(lifeMeeting(), ORG, { profile: P, draft: false })).toBe('中共××局机关第一党支部2026年第1次组织生活会记录.docx');
  });
});

import { describe, expect, it } from 'vitest';
import { DEFAULT_DOCUMENT_PROFILE as P } from '../../../shared/model/documentProfile';
import { countAttendance, describeAttendance } from '../../../shared/rules/attendance';
import { attendanceHalves, oneLine, paragraphsOf, safeFileStem, wordFileName, xmlSafe, addMirrorMargins } from '../../../shared/word';
import { chineseNumber } from '../../../shared/word/content';
import { classified, committeeMeeting, generalAssemblyMeeting, ORG } from '../../fixtures/word/meetings';

describe('file names', () => {
  it('title.docx; ★ marking in front; （草稿） for drafts; sign-in sheets', () => {
    expect(wordFileName(committeeMeeting(), ORG, { profile: P, draft: false })).toBe('中共××局机关第一党支部2025年第3次支部委员会会议记录.docx');
    expect(wordFileName(classified(committeeMeeting(), 'confidential', 10), ORG, { profile: P, draft: true })).toBe(
      '【机密★10年】中共××局机关第一党支部2025年第3次支部委员会会议记录（草稿）.docx',
    );
    expect(wordFileName(classified(committeeMeeting(), 'internal'), ORG, { profile: P, draft: false })).not.toContain('【');
    expect(wordFileName(generalAssemblyMeeting(), ORG, { profile: P, draft: false, kind: 'sign-in' })).toBe('中共××局机关第一党支部2025年第1次支部党员大会签到表.docx');
  });

  it('characters file systems refuse are replaced; long names shortened but keep marking and 草稿', () => {
    expect(safeFileStem('a/b\\c:d*e?f"g<h>i|j')).toBe('a／b＼c：d＊e？f＂g＜h＞i｜j');
    expect(safeFileStem('  ..  ')).toBe('会议记录');
    const long = wordFileName(classified(committeeMeeting(), 'secret'), { fullName: '中'.repeat(200) }, { profile: P, draft: true });
    expect(long.startsWith('【秘密★10年】')).toBe(true);
    expect(long.endsWith('（草稿）.docx')).toBe(true);
    expect([...long].length).toBeLessThan(110);
  });
});

describe('text', () => {
  it('strips XML-illegal characters, keeps emoji and rare characters', () => {
    expect(xmlSafe('a\u0000b\u0008c\u000Bd\u001Fe\uFFFEf\uD800g\tH')).toBe('abcdefg H');
    expect(xmlSafe('😀 堃 𬍛 & < > "')).toBe('😀 堃 𬍛 & < > "');
    expect(oneLine(' 张三\r\n李四 ')).toBe('张三 李四');
    expect(paragraphsOf('一\r\n\n　　二\u2028三  ')).toEqual(['一', '二', '三']);
  });

  it('chinese numbering', () => {
    expect([1, 2, 10, 11, 20, 25, 99].map(chineseNumber)).toEqual(['一', '二', '十', '十一', '二十', '二十五', '九十九']);
  });

  it('应到 / 实到 halves come from describeAttendance', () => {
    const c = countAttendance(generalAssemblyMeeting().attendance);
    const h = attendanceHalves(c);
    expect(`应到 ${h.expected}，实到 ${h.present}`).toBe(describeAttendance(c));
  });

  it('mirrorMargins goes in before the first later settings element, once', () => {
    const s = '<w:settings><w:displayBackgroundShape/><w:defaultTabStop w:val="720"/></w:settings>';
    const out = addMirrorMargins(s);
    expect(out).toBe('<w:settings><w:displayBackgroundShape/><w:mirrorMargins/><w:defaultTabStop w:val="720"/></w:settings>');
    expect(addMirrorMargins(out)).toBe(out);
    expect(addMirrorMargins('<w:settings></w:settings>')).toBe('<w:settings><w:mirrorMargins/></w:settings>');
  });
});

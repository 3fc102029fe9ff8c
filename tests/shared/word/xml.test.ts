/**
 * The standard lives in the XML (design §4): page, margins, fonts with eastAsia, sizes, exact line
 * rule, docGrid, odd/even footers with the PAGE field, tables, markings, drafts, mirror margins.
 * Formatting sits in named styles; assertions check the effective formatting (styleSheet in
 * helpers.ts: run properties, else the character and paragraph styles, else docDefaults).
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_DOCUMENT_PROFILE, documentProfileSchema, type DocumentProfile } from '../../../shared/model/documentProfile';
import {
  buildGongwenMinutes,
  buildMinutes,
  buildSignInSheet,
  buildTableMinutes,
  MINUTES_TABLE_COLUMNS,
  SIGN_IN_COLUMNS,
  toDocxBytes,
} from '../../../shared/word';
import {
  bigAttendanceMeeting,
  classified,
  committeeMeeting,
  generalAssemblyMeeting,
  lectureMeeting,
  MEETINGS_BY_TYPE,
  nastyMeeting,
  ORG,
  themeDayMeeting,
  groupMeeting,
  baseMeeting,
} from '../../fixtures/word/meetings';
import { attr, bodyOf, docxParts, footerXml, headerXml, paragraphs, rows, styleSheet } from './helpers';

const P = DEFAULT_DOCUMENT_PROFILE;
const gongwen = (m = committeeMeeting(), profile: DocumentProfile = P, draft = false, nonSecretMarking?: string) =>
  docxParts(buildGongwenMinutes(m, ORG, { profile, draft, nonSecretMarking }));
const table = (m = committeeMeeting(), profile: DocumentProfile = P, draft = false, nonSecretMarking?: string) =>
  docxParts(buildTableMinutes(m, ORG, { profile, draft, nonSecretMarking }));

describe('profile', () => {
  it('the default profile is GB/T 9704 and valid', () => {
    expect(documentProfileSchema.parse(P)).toEqual(P);
    expect(P).toMatchObject({ defaultLayout: 'gongwen', fontSet: 'gb2312', pageNumberStyle: 'dash', duplex: false });
    expect(documentProfileSchema.safeParse({ ...P, signInBlankRows: -1 }).success).toBe(false);
  });

  it('has no marking of its own (UnitSettings.nonSecretMarking is the one place); an old stored field is dropped', () => {
    expect(P).not.toHaveProperty('nonSecretMarking');
    expect(documentProfileSchema.parse({ ...P, nonSecretMarking: '旧标识' })).toEqual(P);
  });
});

describe.each([
  ['gongwen', gongwen],
  ['table', table],
] as const)('%s layout: page', (_name, build) => {
  it('A4, GB margins, footer distance, even/odd footers with the PAGE field', async () => {
    const parts = await build();
    const doc = bodyOf(parts);
    expect(attr(doc, 'w:pgSz', 'w:w')).toBe('11906');
    expect(attr(doc, 'w:pgSz', 'w:h')).toBe('16838');
    expect(attr(doc, 'w:pgMar', 'w:top')).toBe('2098');
    expect(attr(doc, 'w:pgMar', 'w:bottom')).toBe('1984');
    expect(attr(doc, 'w:pgMar', 'w:left')).toBe('1587');
    expect(attr(doc, 'w:pgMar', 'w:right')).toBe('1474');
    expect(attr(doc, 'w:pgMar', 'w:footer')).toBe('1418');
    expect(attr(doc, 'w:docGrid', 'w:linePitch')).toBe('579');
    expect(parts['word/settings.xml']).toContain('<w:evenAndOddHeaders/>');
    expect(parts['word/settings.xml']).not.toContain('mirrorMargins');

    const sheet = styleSheet(parts);
    const odd = footerXml(parts, 'default');
    const even = footerXml(parts, 'even');
    for (const f of [odd, even]) {
      expect(f).toContain('<w:instrText xml:space="preserve">PAGE</w:instrText>');
      const p = paragraphs(f)[0];
      expect(p.text).toBe('—  —'); // "— " + field + " —"
      for (const r of p.runs) {
        const rPr = sheet.rPr(p, r);
        for (const slot of ['ascii', 'hAnsi', 'eastAsia', 'cs']) expect(rPr).toContain(`w:${slot}="宋体"`);
        expect(rPr).toContain('<w:sz w:val="28"/>');
        expect(rPr).toContain('<w:snapToGrid w:val="false"/>');
      }
      expect(sheet.pPr(p)).toContain('<w:spacing w:after="0" w:before="0" w:line="320" w:lineRule="exact"/>');
      expect(attr(sheet.pPr(p), 'w:ind', 'w:firstLine') ?? '0').toBe('0');
    }
    expect(sheet.pPr(paragraphs(odd)[0])).toMatch(/<w:jc w:val="right"\/>/);
    expect(attr(sheet.pPr(paragraphs(odd)[0]), 'w:ind', 'w:right')).toBe('280');
    expect(sheet.pPr(paragraphs(even)[0])).toMatch(/<w:jc w:val="left"\/>/);
    expect(attr(sheet.pPr(paragraphs(even)[0]), 'w:ind', 'w:left')).toBe('280');
  });

  it('drafts carry 草稿 in odd and even headers; final records have no header', async () => {
    const draft = await build(committeeMeeting(), P, true);
    const sheet = styleSheet(draft);
    for (const type of ['default', 'even'] as const) {
      const p = paragraphs(headerXml(draft, type))[0];
      expect(p.text).toContain('草稿');
      expect(sheet.pPr(p)).toContain('<w:jc w:val="center"/>');
      expect(sheet.rPr(p, p.runs[0])).toContain('w:eastAsia="黑体"');
      expect(sheet.rPr(p, p.runs[0])).toContain('<w:sz w:val="28"/>');
    }
    const final = await build();
    expect(bodyOf(final)).not.toContain('headerReference');
  });

  it('duplex profiles get w:mirrorMargins in settings.xml, in schema order', async () => {
    const parts = await build(committeeMeeting(), { ...P, duplex: true });
    const s = parts['word/settings.xml'];
    expect(s).toContain('<w:mirrorMargins/>');
    expect(s.indexOf('<w:mirrorMargins/>')).toBeLessThan(s.indexOf('<w:defaultTabStop'));
    expect(s.indexOf('<w:displayBackgroundShape/>')).toBeLessThan(s.indexOf('<w:mirrorMargins/>'));
  });

  it('markings: ★ on the second line in 黑体, the unit marking for 内部, nothing for unmarked', async () => {
    const secretParts = await build(classified(committeeMeeting(), 'confidential', 10));
    const sheet = styleSheet(secretParts);
    const secret = paragraphs(bodyOf(secretParts));
    expect(secret[0].text).toBe('');
    expect(sheet.pPr(secret[0])).toContain('w:line="579" w:lineRule="exact"');
    expect(secret[1].text).toBe('机密★10年');
    expect(sheet.rPr(secret[1], secret[1].runs[0])).toContain('w:eastAsia="黑体"');
    expect(sheet.rPr(secret[1], secret[1].runs[0])).toContain('<w:sz w:val="32"/>');
    expect(sheet.rPr(secret[1], secret[1].runs[0])).not.toContain('<w:spacing w:val=');
    expect(sheet.pPr(secret[1])).toContain('<w:jc w:val="left"/>');
    const noYears = paragraphs(bodyOf(await build(classified(committeeMeeting(), 'secret'))));
    expect(noYears[1].text).toBe('秘密★10年');
    const internal = paragraphs(bodyOf(await build(classified(committeeMeeting(), 'internal'))));
    expect(internal[0].text).toBe('内部资料 注意保存');
    expect(internal.map((p) => p.text).join('\n')).not.toContain('★');
    const custom = paragraphs(bodyOf(await build(classified(committeeMeeting(), 'internal'), P, false, '工作秘密 注意保管')));
    expect(custom[0].text).toBe('工作秘密 注意保管');
    // An empty unit marking still marks the record: 内部.
    const empty = paragraphs(bodyOf(await build(classified(committeeMeeting(), 'internal'), P, false, '  ')));
    expect(empty[0].text).toBe('内部');
    // A ★ record ignores the unit marking.
    const starred = paragraphs(bodyOf(await build(classified(committeeMeeting(), 'secret', 5), P, false, '工作秘密')));
    expect(starred[1].text).toBe('秘密★5年');
    const none = paragraphs(bodyOf(await build()));
    expect(none[0].text).toBe('中共××局机关第一党支部');
  });

  it('title: 2号 小标宋, centred, not bold, broken after the organisation name', async () => {
    const parts = await build();
    const sheet = styleSheet(parts);
    const ps = paragraphs(bodyOf(parts));
    expect(ps[0].text).toBe('中共××局机关第一党支部');
    expect(ps[1].text).toBe('2025年第3次支部委员会会议记录');
    for (const p of ps.slice(0, 2)) {
      expect(sheet.pPr(p)).toContain('<w:jc w:val="center"/>');
      expect(sheet.pPr(p)).toContain('<w:spacing w:after="0" w:before="0" w:line="579" w:lineRule="exact"/>');
      expect(sheet.pPr(p)).toContain('<w:keepNext/>');
      const rPr = sheet.rPr(p, p.runs[0]);
      expect(rPr).toContain('<w:sz w:val="44"/>');
      expect(rPr).toContain('w:eastAsia="方正小标宋简体"');
      expect(rPr).toContain('w:hAnsi="方正小标宋简体"');
      expect(rPr).not.toMatch(/<w:b\/>|<w:b w:val="true"\/>/);
      // 2号 off the 3号 grid, and never condensed like the body.
      expect(rPr).toContain('<w:snapToGrid w:val="false"/>');
      expect(rPr).not.toContain('<w:spacing w:val=');
    }
  });

  it('text is inert: markup, emoji, control characters and rare characters', async () => {
    const doc = bodyOf(await build(nastyMeeting()));
    expect(doc).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/);
    expect(doc).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    expect(doc).toContain('&amp;amp; &lt;w:p&gt; &quot;引号&quot;');
    expect(doc).toContain('😀👍🏻');
    expect(doc).toContain('王堃');
    expect(doc).toContain('李𬍛');
    expect(doc).toContain('会议室 &lt;A&amp;B&gt; &quot;东&quot;');
  });
});

describe('公文 layout', () => {
  it('body: 3号 仿宋 with eastAsia and hAnsi, exact 579, indent 640, justified, condensed −5; docGrid 22 × 28', async () => {
    const parts = await gongwen();
    const doc = bodyOf(parts);
    expect(attr(doc, 'w:docGrid', 'w:type')).toBe('lines');
    expect(attr(doc, 'w:docGrid', 'w:linePitch')).toBe('579');
    expect(parts['word/styles.xml']).toMatch(/<w:docDefaults>[\s\S]*w:eastAsia="仿宋_GB2312"[\s\S]*<w:sz w:val="32"\/>[\s\S]*w:line="579" w:lineRule="exact"/);
    const sheet = styleSheet(parts);
    const speech = paragraphs(doc).find((p) => p.text.startsWith('王建国：'));
    expect(speech).toBeDefined();
    const p = speech!;
    const pPr = sheet.pPr(p);
    expect(pPr).toMatch(/<w:spacing w:after="0" w:before="0" w:line="579" w:lineRule="exact"\/>/);
    expect(attr(pPr, 'w:ind', 'w:firstLine')).toBe('640');
    expect(pPr).toContain('<w:jc w:val="both"/>');
    expect(pPr).toContain('<w:widowControl w:val="false"/>');
    const rPr = sheet.rPr(p, p.runs[0]);
    expect(rPr).toContain('w:eastAsia="仿宋_GB2312"');
    expect(rPr).toContain('w:hAnsi="仿宋_GB2312"');
    expect(rPr).toContain('w:ascii="Times New Roman"');
    expect(rPr).toContain('<w:sz w:val="32"/>');
    expect(rPr).toContain('<w:spacing w:val="-5"/>');
    expect(doc).not.toContain('lineRule="exactly"');
    // Lean XML: the body paragraph names its style and its runs carry nothing of their own.
    expect(p.pPr).toBe('<w:pStyle w:val="GwBody"/>');
    expect(p.runs.every((r) => r.rPr === '')).toBe(true);
    expect(doc).not.toContain('<w:rFonts');
  });

  it('info lines have 黑体 labels; 应到 / 实到 with the 正式 / 预备 split; absences with reasons', async () => {
    const parts = await gongwen(generalAssemblyMeeting());
    const sheet = styleSheet(parts);
    const ps = paragraphs(bodyOf(parts));
    const line = (label: string) => ps.find((p) => p.runs[0]?.text === `${label}：`);
    for (const l of ['时间', '地点', '主持人', '记录人', '应到', '实到', '缺席人员及原因', '列席人员']) {
      const p = line(l);
      expect(p, l).toBeDefined();
      const [label, value] = [sheet.rPr(p!, p!.runs[0]), sheet.rPr(p!, p!.runs[1])];
      expect(label).toContain('w:eastAsia="黑体"');
      expect(label).toContain('w:hAnsi="黑体"');
      expect(value).toContain('w:eastAsia="仿宋_GB2312"');
      // The label is condensed and sized like the body it sits in.
      for (const rPr of [label, value]) {
        expect(rPr).toContain('<w:sz w:val="32"/>');
        expect(rPr).toContain('<w:spacing w:val="-5"/>');
      }
      expect(attr(sheet.pPr(p!), 'w:ind', 'w:firstLine')).toBe('640');
    }
    expect(line('时间')!.text).toBe('时间：2025年3月8日（星期六）14时30分至16时30分');
    expect(line('应到')!.text).toBe('应到：15 人（其中正式党员 13 人，预备党员 2 人）');
    expect(line('实到')!.text).toBe('实到：13 人（其中正式党员 11 人，预备党员 2 人）');
    expect(line('缺席人员及原因')!.text).toBe('缺席人员及原因：周明（公出）、郑伟（病假）');
    expect(line('列席人员')!.text).toBe('列席人员：张晓东（发展对象）');
  });

  it('会议议题 一、二、, agenda items as 黑体 headings, （一） in 楷体, 表决情况 with the arithmetic', async () => {
    const parts = await gongwen(generalAssemblyMeeting());
    const sheet = styleSheet(parts);
    const ps = paragraphs(bodyOf(parts));
    const texts = ps.map((p) => p.text);
    const agendaAt = texts.indexOf('会议议题：');
    expect(texts.slice(agendaAt + 1, agendaAt + 3)).toEqual(['一、讨论接收张晓东同志为中共预备党员', '二、听取支部委员会工作报告']);
    const contentAt = texts.indexOf('会议内容：');
    expect(contentAt).toBeGreaterThan(agendaAt);
    const h1 = ps[contentAt + 1];
    expect(h1.text).toBe('一、讨论接收张晓东同志为中共预备党员');
    expect(sheet.rPr(h1, h1.runs[0])).toContain('w:eastAsia="黑体"');
    expect(sheet.rPr(h1, h1.runs[0])).toContain('<w:sz w:val="32"/>');
    expect(sheet.rPr(h1, h1.runs[0])).not.toMatch(/<w:b\/>|<w:b w:val="true"\/>/);
    expect(sheet.pPr(h1)).toContain('<w:keepNext/>');
    expect(attr(sheet.pPr(h1), 'w:ind', 'w:firstLine')).toBe('640');
    expect(ps[contentAt + 2].text).toMatch(/^王建国：/);
    const h2 = ps.find((p) => p.text === '（一）讨论接收张晓东同志为中共预备党员');
    expect(sheet.rPr(h2!, h2!.runs[0])).toContain('w:eastAsia="楷体_GB2312"');
    const vote = ps.find((p) => p.text.startsWith('表决情况：接收预备党员'));
    expect(sheet.rPr(vote!, vote!.runs[0])).toContain('w:eastAsia="黑体"');
    expect(vote!.text).toBe(
      '表决情况：接收预备党员（张晓东），采取举手表决方式；应到会有表决权的党员 13 人，实到 11 人；' +
        '赞成 12 票（含书面意见 2 票），反对 1 票，弃权 0 票；赞成票超过应到会有表决权党员的半数，表决通过。',
    );
    const general = ps.find((p) => p.text.startsWith('表决情况：采取举手表决方式'));
    expect(general!.text).toBe('表决情况：采取举手表决方式；应到会有表决权的党员 13 人，实到 11 人；赞成 9 票，反对 1 票，弃权 1 票；赞成票超过应到会有表决权党员的半数，表决通过。');
    expect(texts).toContain('主持人小结：');
    const sign = ps.find((p) => p.text.startsWith('主持人（签字）：'));
    expect(sign!.text).toBe('主持人（签字）：________　　记录人（签字）：________');
    expect(sign!.runs.map((r) => attr(sheet.rPr(sign!, r), 'w:rFonts', 'w:eastAsia'))).toEqual(['黑体', '仿宋_GB2312', '黑体', '仿宋_GB2312']);
    expect(sheet.rPr(sign!, sign!.runs[1])).toContain('<w:spacing w:val="-5"/>');
    expect(sheet.pPr(sign!)).toContain('<w:keepLines/>');
    expect(sheet.pPr(sign!)).toContain('<w:jc w:val="left"/>');
  });

  it('支委会 votes count committee members', async () => {
    const texts = paragraphs(bodyOf(await gongwen())).map((p) => p.text);
    expect(texts).toContain('表决情况：采取举手表决方式；应到支部委员 5 人，实到 4 人；赞成 4 票，反对 0 票，弃权 0 票。');
  });

  it('党课 and 主题党日 print their own fields', async () => {
    const lecture = paragraphs(bodyOf(await gongwen(lectureMeeting()))).map((p) => p.text);
    expect(lecture).toContain('主讲人：王建国（支部书记）');
    expect(lecture).toContain('题目：坚定理想信念　筑牢思想根基');
    expect(lecture).toContain('授课形式：讲授');
    expect(lecture).toContain('内容提要：');
    const theme = paragraphs(bodyOf(await gongwen(themeDayMeeting()))).map((p) => p.text);
    expect(theme).toContain('主题：走进社区　志愿服务');
    expect(theme).toContain('活动形式：志愿服务');
    expect(theme).toContain('同时计为：党课');
    expect(theme).toContain('议定事项：');
    expect(theme).toContain('落实情况：');
    // 原因未填: the presence label stands in.
    expect(theme).toContain('缺席人员及原因：刘洋（缺席）');
  });

  it('empty optional sections are left out, never printed as empty headings', async () => {
    const bare = baseMeeting('committee', { attendance: committeeMeeting().attendance.filter((e) => e.kind === 'member') });
    const texts = paragraphs(bodyOf(await gongwen(bare))).map((p) => p.text);
    for (const label of ['会议议题：', '会议内容：', '会议决定：', '主持人小结：', '内容提要：', '议定事项：', '落实情况：']) {
      expect(texts).not.toContain(label);
    }
    expect(texts.some((t) => t.startsWith('列席人员'))).toBe(false);
    expect(texts.some((t) => t.startsWith('召集人'))).toBe(false);
    expect(texts.some((t) => t.startsWith('主持人（签字）'))).toBe(true);
    const blankSpeech = baseMeeting('group', { agenda: [{ ...groupMeeting().agenda[0], speeches: [{ id: 'sp-blank-1', speakerId: null, speakerName: '陈静', content: ' \n\n ' }] }] });
    expect(paragraphs(bodyOf(await gongwen(blankSpeech))).map((p) => p.text)).not.toContain('会议内容：');
  });

  it('font sets and page-number styles come from the profile', async () => {
    const gbkParts = await gongwen(committeeMeeting(), { ...P, fontSet: 'gbk' });
    const gbkSheet = styleSheet(gbkParts);
    const gbk = paragraphs(bodyOf(gbkParts));
    const east = (sheet: typeof gbkSheet, p: (typeof gbk)[number], i = 0) => attr(sheet.rPr(p, p.runs[i]), 'w:rFonts', 'w:eastAsia');
    const time = gbk.find((p) => p.runs[0]?.text === '时间：')!;
    expect(east(gbkSheet, gbk[0])).toBe('方正小标宋_GBK');
    expect(east(gbkSheet, time, 0)).toBe('方正黑体_GBK');
    expect(east(gbkSheet, time, 1)).toBe('方正仿宋_GBK');
    expect(attr(gbkSheet.rPr(time, time.runs[1]), 'w:rFonts', 'w:hAnsi')).toBe('方正仿宋_GBK');
    expect(bodyOf(gbkParts) + gbkParts['word/styles.xml']).not.toContain('仿宋_GB2312');
    const winParts = await gongwen(committeeMeeting(), { ...P, fontSet: 'windows' });
    const winSheet = styleSheet(winParts);
    const win = paragraphs(bodyOf(winParts));
    expect(winSheet.rPr(win[0], win[0].runs[0])).toContain('w:eastAsia="宋体"');
    expect(winSheet.rPr(win[0], win[0].runs[0])).toMatch(/<w:b\/>|<w:b w:val="true"\/>/);
    const winTime = win.find((p) => p.runs[0]?.text === '时间：')!;
    expect(east(winSheet, winTime, 1)).toBe('仿宋');
    expect(winSheet.rPr(winTime, winTime.runs[1])).not.toMatch(/<w:b\/>|<w:b w:val="true"\/>/);
    const plain = await gongwen(committeeMeeting(), { ...P, pageNumberStyle: 'plain' });
    expect(paragraphs(footerXml(plain, 'default'))[0].text).toBe('');
    const diye = await gongwen(committeeMeeting(), { ...P, pageNumberStyle: 'di-ye' });
    expect(paragraphs(footerXml(diye, 'even'))[0].text).toBe('第  页');
    const override = paragraphs(bodyOf(await gongwen(committeeMeeting(), { ...P, orgFullNameOverride: '中共××局机关第一支部委员会' })));
    expect(override[0].text).toBe('中共××局机关第一支部委员会');
  });
});

describe('表格式 layout', () => {
  it('fixed full-width table: gridCol and tcW agree, 黑体 labels, repeated header, cantSplit short rows, splittable content', async () => {
    const parts = await table(generalAssemblyMeeting(3000));
    const sheet = styleSheet(parts);
    const doc = bodyOf(parts);
    expect(attr(doc, 'w:tblW', 'w:w')).toBe('8844');
    expect(attr(doc, 'w:tblW', 'w:type')).toBe('dxa');
    expect(doc).toContain('<w:tblLayout w:type="fixed"/>');
    const grid = [...doc.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    expect(grid).toEqual([...MINUTES_TABLE_COLUMNS]);
    expect(grid.reduce((a, b) => a + b, 0)).toBe(8844);
    const trs = rows(doc);
    for (const tr of trs) {
      let col = 0;
      for (const tc of tr.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)) {
        const span = Number(attr(tc[1], 'w:gridSpan', 'w:val') ?? 1);
        const w = Number(attr(tc[1], 'w:tcW', 'w:w'));
        expect(attr(tc[1], 'w:tcW', 'w:type')).toBe('dxa');
        expect(w).toBe(grid.slice(col, col + span).reduce((a, b) => a + b, 0));
        col += span;
      }
      expect(col).toBe(grid.length);
    }
    expect(trs[0]).toContain('<w:tblHeader/>');
    expect(trs[0]).toContain('<w:cantSplit/>');
    expect(trs.slice(1).every((tr) => !tr.includes('<w:tblHeader/>'))).toBe(true);
    const label = (text: string) => trs.find((tr) => paragraphs(tr)[0]?.text === text);
    const content = label('会议记录（内容）');
    expect(content).toBeDefined();
    expect(content).not.toContain('<w:cantSplit/>');
    expect(label('主持人')).toContain('<w:cantSplit/>');
    const chair = paragraphs(label('主持人')!);
    expect(sheet.rPr(chair[0], chair[0].runs[0])).toContain('w:eastAsia="黑体"');
    expect(sheet.pPr(chair[0])).toContain('<w:jc w:val="center"/>');
    // Cells: 4号 at exact 460, not condensed; long text justified with a 2-character (4号) indent.
    for (const p of paragraphs(content!).slice(1)) {
      const pPr = sheet.pPr(p);
      expect(pPr).toContain('<w:spacing w:after="0" w:before="0" w:line="460" w:lineRule="exact"/>');
      for (const r of p.runs) {
        expect(sheet.rPr(p, r)).toContain('<w:sz w:val="28"/>');
        expect(sheet.rPr(p, r)).not.toContain('<w:spacing w:val=');
      }
    }
    const speech = paragraphs(content!).find((p) => p.text.startsWith('王建国：'))!;
    expect(attr(sheet.pPr(speech), 'w:ind', 'w:firstLine')).toBe('560');
    expect(sheet.pPr(speech)).toContain('<w:jc w:val="both"/>');
    expect(sheet.rPr(speech, speech.runs[0])).toContain('w:eastAsia="仿宋_GB2312"');
    const heading = paragraphs(content!).find((p) => p.text.startsWith('一、'))!;
    expect(sheet.rPr(heading, heading.runs[0])).toContain('w:eastAsia="黑体"');
    expect(sheet.pPr(heading)).toContain('<w:jc w:val="left"/>');
    expect(attr(sheet.pPr(heading), 'w:ind', 'w:firstLine')).toBeUndefined();
    const name = paragraphs(label('会议名称')!)[1];
    expect(sheet.pPr(name)).toContain('<w:jc w:val="left"/>');
    expect(sheet.rPr(name, name.runs[0])).toContain('w:eastAsia="仿宋_GB2312"');
    const last = paragraphs(trs[trs.length - 1]).map((p) => p.text);
    expect(last).toEqual(['主持人签字', '记录人签字', '审阅意见（上级党组织）']);
    for (const l of ['会议名称', '时间', '地点', '记录人', '应到人数', '实到人数', '缺席人员及原因', '列席人员', '会议议题', '会议决议', '表决情况', '主持人小结']) {
      expect(doc, l).toContain(`>${l}<`);
    }
  });

  it('type fields and omissions follow the content, as in the 公文 layout', async () => {
    const lecture = bodyOf(await table(lectureMeeting()));
    for (const l of ['主讲人', '题目', '授课形式', '内容提要']) expect(lecture).toContain(`>${l}<`);
    expect(lecture).not.toContain('>会议决议<');
    const theme = bodyOf(await table(themeDayMeeting()));
    for (const l of ['主题', '活动形式', '同时计为', '议定事项', '落实情况']) expect(theme).toContain(`>${l}<`);
    expect(theme).not.toContain('>列席人员<');
    expect(theme).not.toContain('>会议记录（内容）<');
  });
});

describe('签到表', () => {
  it('one row per expected attendee, guests, blank rows; header repeated; every row whole', async () => {
    const m = bigAttendanceMeeting(200);
    const doc = bodyOf(await docxParts(buildSignInSheet(m, ORG, { profile: P, blankRows: 7 })));
    const trs = rows(doc);
    expect(trs.length).toBe(1 + 200 + 3 + 7);
    expect(paragraphs(trs[0]).map((p) => p.text)).toEqual(['序号', '姓名', '职务/身份', '签名', '备注']);
    expect(trs[0]).toContain('<w:tblHeader/>');
    expect(trs.every((tr) => tr.includes('<w:cantSplit/>'))).toBe(true);
    expect(paragraphs(trs[1]).map((p) => p.text)).toEqual(['1', '党员001', '支部委员', '', '']);
    expect(paragraphs(trs[10]).map((p) => p.text)).toEqual(['10', '党员010', '预备党员', '', '']);
    expect(paragraphs(trs[201]).map((p) => p.text)).toEqual(['201', '督导甲', '机关党委督导人员', '', '列席']);
    expect(paragraphs(trs[210]).map((p) => p.text)[0]).toBe('210');
    const grid = [...doc.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((x) => Number(x[1]));
    expect(grid).toEqual([...SIGN_IN_COLUMNS]);
    expect(paragraphs(doc)[0].text).toBe('中共××局机关第一党支部');
    expect(paragraphs(doc)[1].text).toBe('2025年第1次支部党员大会签到表');
    const defaultRows = rows(bodyOf(await docxParts(buildSignInSheet(m, ORG, { profile: P }))));
    expect(defaultRows.length).toBe(1 + 203 + P.signInBlankRows);
  });

  it('carries the unit marking passed in for 内部 records, the ★ marking for national secrets', async () => {
    const internal = paragraphs(bodyOf(await docxParts(buildSignInSheet(classified(generalAssemblyMeeting(), 'internal'), ORG, { profile: P, nonSecretMarking: '工作秘密' }))));
    expect(internal[0].text).toBe('工作秘密');
    const secret = paragraphs(bodyOf(await docxParts(buildSignInSheet(classified(generalAssemblyMeeting(), 'confidential', 10), ORG, { profile: P, nonSecretMarking: '工作秘密' }))));
    expect(secret[1].text).toBe('机密★10年');
  });
});

describe('every meeting type builds in both layouts', () => {
  it.each(Object.keys(MEETINGS_BY_TYPE) as (keyof typeof MEETINGS_BY_TYPE)[])('%s', async (type) => {
    for (const layout of ['gongwen', 'table'] as const) {
      const bytes = await toDocxBytes(buildMinutes(MEETINGS_BY_TYPE[type](), ORG, { profile: P, draft: false, layout }));
      expect(bytes).toBeInstanceOf(Uint8Array);
      expect([bytes[0], bytes[1]]).toEqual([0x50, 0x4b]);
    }
  });

  it('buildMinutes follows the profile default layout', async () => {
    const doc = bodyOf(await docxParts(buildMinutes(committeeMeeting(), ORG, { profile: { ...P, defaultLayout: 'table' }, draft: false })));
    expect(doc).toContain('<w:tbl>');
  });
});

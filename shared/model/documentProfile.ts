/**
 * The unit's document profile: how Word records are laid out and which fonts they name (domain §4).
 * GB/T 9704 is the default; everything domain.md tags [practice] (font sets, markings, duplex,
 * page-number style) is a setting here, never hard-coded in the builders.
 * The 内部 marking is NOT part of the profile: it is UnitSettings.nonSecretMarking (one place), and the
 * builders take it as an explicit option (`nonSecretMarking`).
 */
import { z } from 'zod';

export const DOCUMENT_LAYOUTS = ['gongwen', 'table'] as const;
export type DocumentLayout = (typeof DOCUMENT_LAYOUTS)[number];
export const DOCUMENT_LAYOUT_LABELS: Record<DocumentLayout, string> = {
  gongwen: '公文版式（GB/T 9704）',
  table: '表格式（记录本样式）',
};

export const PAGE_NUMBER_STYLES = ['dash', 'plain', 'di-ye'] as const;
export type PageNumberStyle = (typeof PAGE_NUMBER_STYLES)[number];
export const PAGE_NUMBER_STYLE_LABELS: Record<PageNumberStyle, string> = {
  dash: '— 1 —（GB/T 9704）',
  plain: '1',
  'di-ye': '第 1 页',
};

export const FONT_SET_IDS = ['gb2312', 'gbk', 'windows'] as const;
export type FontSetId = (typeof FONT_SET_IDS)[number];
export const FONT_SET_LABELS: Record<FontSetId, string> = {
  gb2312: '仿宋_GB2312 / 楷体_GB2312 / 黑体 / 方正小标宋简体（默认）',
  gbk: '方正仿宋_GBK / 方正楷体_GBK / 方正黑体_GBK / 方正小标宋_GBK（信创电脑、生僻字）',
  windows: '仿宋 / 楷体 / 黑体 / 宋体（Windows 自带字体）',
};

/** Font names written into the .docx. The fonts themselves are never embedded (licences, domain §4.5). */
export interface FontSet {
  /** 正文, 三级/四级标题, 附注: 仿宋 */
  body: string;
  /** 二级标题 （一）: 楷体 */
  kai: string;
  /** 一级标题 一、, labels, 密级: 黑体 */
  hei: string;
  /** 标题: 小标宋 */
  title: string;
  /** Windows has no 小标宋: its title is 宋体 set bold instead. */
  titleBold: boolean;
  /** 页码: 宋体 */
  song: string;
  /** Digits and Latin letters (w:ascii). */
  latin: string;
}

export const FONT_SETS: Record<FontSetId, FontSet> = {
  gb2312: {
    body: '仿宋_GB2312',
    kai: '楷体_GB2312',
    hei: '黑体',
    title: '方正小标宋简体',
    titleBold: false,
    song: '宋体',
    latin: 'Times New Roman',
  },
  gbk: {
    body: '方正仿宋_GBK',
    kai: '方正楷体_GBK',
    hei: '方正黑体_GBK',
    title: '方正小标宋_GBK',
    titleBold: false,
    song: '宋体',
    latin: 'Times New Roman',
  },
  windows: {
    body: '仿宋',
    kai: '楷体',
    hei: '黑体',
    title: '宋体',
    titleBold: true,
    song: '宋体',
    latin: 'Times New Roman',
  },
};

export const documentProfileSchema = z.object({
  /** Printed instead of the organisation's 全称 when not empty (e.g. a shorter or older official name). */
  orgFullNameOverride: z.string().max(120, '组织全称不能超过 120 字'),
  defaultLayout: z.enum(DOCUMENT_LAYOUTS),
  fontSet: z.enum(FONT_SET_IDS),
  /** Double-sided printing: mirror margins (inside 28 mm, outside 26 mm). */
  duplex: z.boolean(),
  pageNumberStyle: z.enum(PAGE_NUMBER_STYLES),
  /** Blank rows at the end of the 签到表 for guests who were not announced. */
  signInBlankRows: z.number().int().min(0, '空白行数不能为负数').max(50, '空白行数不能超过 50'),
});
export type DocumentProfile = z.infer<typeof documentProfileSchema>;

/** GB/T 9704-2012 defaults. */
export const DEFAULT_DOCUMENT_PROFILE: DocumentProfile = {
  orgFullNameOverride: '',
  defaultLayout: 'gongwen',
  fontSet: 'gb2312',
  duplex: false,
  pageNumberStyle: 'dash',
  signInBlankRows: 5,
};

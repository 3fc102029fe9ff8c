/** Small regex-level readers for WordprocessingML, enough for the assertions in these tests. */
import { toDocxBytes } from '../../../shared/word';
import type { Document } from 'docx';
import { unzipDocx } from '../../tools/word';

export interface XRun {
  rPr: string;
  text: string;
}
export interface XPara {
  pPr: string;
  runs: XRun[];
  text: string;
  xml: string;
}

const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

export function paragraphs(xml: string): XPara[] {
  const out: XPara[] = [];
  for (const m of xml.replace(/<w:p\/>/g, "<w:p></w:p>").matchAll(/<w:p(?: [^>]*)?>([\s\S]*?)<\/w:p>/g)) {
    const body = m[1];
    const pPr = /<w:pPr>([\s\S]*?)<\/w:pPr>/.exec(body)?.[1] ?? '';
    const runs: XRun[] = [];
    for (const r of body.matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)) {
      const rPr = /<w:rPr>([\s\S]*?)<\/w:rPr>/.exec(r[1])?.[1] ?? '';
      const text = [...r[1].matchAll(/<w:t(?: [^>]*)?>([\s\S]*?)<\/w:t>/g)].map((t) => decode(t[1])).join('');
      runs.push({ rPr, text });
    }
    out.push({ pPr, runs, text: runs.map((r) => r.text).join(''), xml: m[0] });
  }
  return out;
}

export function attr(xml: string, tag: string, name: string): string | undefined {
  const m = new RegExp(`<${tag}\\b[^>]*\\b${name}="([^"]*)"`).exec(xml);
  return m?.[1];
}

export function rows(xml: string): string[] {
  return [...xml.matchAll(/<w:tr>([\s\S]*?)<\/w:tr>/g)].map((m) => m[1]);
}

export async function docxParts(doc: Document, opts?: { mirrorMargins?: boolean }): Promise<Record<string, string>> {
  return unzipDocx(await toDocxBytes(doc, opts));
}

export function bodyOf(parts: Record<string, string>): string {
  return parts['word/document.xml'];
}

/** The footer part that a sectPr footerReference of `type` points at. */
export function footerXml(parts: Record<string, string>, type: 'default' | 'even'): string {
  const doc = bodyOf(parts);
  const rid = new RegExp(`<w:footerReference w:type="${type}" r:id="(rId\\d+)"`).exec(doc)?.[1];
  const rels = parts['word/_rels/document.xml.rels'];
  const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${rid}"`).exec(rels);
  const file = target?.[1] ?? target?.[2];
  return parts[`word/${file}`] ?? '';
}

export function headerXml(parts: Record<string, string>, type: 'default' | 'even'): string {
  const doc = bodyOf(parts);
  const rid = new RegExp(`<w:headerReference w:type="${type}" r:id="(rId\\d+)"`).exec(doc)?.[1];
  if (!rid) return '';
  const rels = parts['word/_rels/document.xml.rels'];
  const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${rid}"`).exec(rels);
  const file = target?.[1] ?? target?.[2];
  return parts[`word/${file}`] ?? '';
}

/**
 * Effective formatting, resolved the way Word does (ECMA-376 §17.7.2): docDefaults, then the paragraph
 * style and its basedOn chain (Normal when the paragraph names none), then the run's character style
 * chain, then the run's own properties. Each property element is merged attribute by attribute, so a
 * run that sets only w:rFonts/@w:eastAsia keeps the style's w:ascii. Toggle properties (w:b) are
 * taken as written, not XOR-ed (the builders never stack them).
 *
 * The results are WordprocessingML strings like the direct properties they replace, e.g.
 * `<w:rFonts w:ascii="…" w:cs="…" w:eastAsia="…" w:hAnsi="…"/><w:sz w:val="32"/>…`, with attributes
 * in alphabetical order, so assertions read as before: `toContain('w:eastAsia="黑体"')`.
 */
export interface StyleSheet {
  /** Effective paragraph properties (w:pStyle left out). */
  pPr(p: XPara): string;
  /** Effective run properties of `r` in paragraph `p` (w:rStyle left out). */
  rPr(p: XPara, r: XRun): string;
  /** The paragraph's style id (the default paragraph style when it names none). */
  styleOf(p: XPara): string;
}

interface XStyle {
  type: string;
  basedOn?: string;
  pPr: string;
  rPr: string;
}

type Props = Map<string, Map<string, string> | string>;

/** Top-level property elements: self-closing ones as attribute maps, containers kept whole. */
function propsOf(xml: string): Props {
  const out: Props = new Map();
  for (const m of xml.matchAll(/<(w:\w+)((?:\s+[\w:]+="[^"]*")*)\s*\/>|<(w:\w+)(?:\s[^>]*)?>[\s\S]*?<\/\3>/g)) {
    if (m[1]) {
      const attrs = new Map<string, string>();
      for (const a of m[2].matchAll(/([\w:]+)="([^"]*)"/g)) attrs.set(a[1], a[2]);
      out.set(m[1], attrs);
    } else {
      out.set(m[3], m[0]);
    }
  }
  return out;
}

function merge(layers: readonly string[], skip: string): string {
  const acc: Props = new Map();
  for (const layer of layers) {
    for (const [name, value] of propsOf(layer)) {
      if (name === skip) continue;
      const prev = acc.get(name);
      acc.set(name, typeof value === 'string' || typeof prev !== 'object' ? value : new Map([...prev, ...value]));
    }
  }
  return [...acc]
    .map(([name, v]) => {
      if (typeof v === 'string') return v;
      const attrs = [...v].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, x]) => ` ${k}="${x}"`);
      return `<${name}${attrs.join('')}/>`;
    })
    .join('');
}

export function styleSheet(parts: Record<string, string>): StyleSheet {
  const xml = parts['word/styles.xml'];
  const defaults = /<w:docDefaults>([\s\S]*?)<\/w:docDefaults>/.exec(xml)?.[1] ?? '';
  const rPrDefault = /<w:rPrDefault><w:rPr>([\s\S]*?)<\/w:rPr>/.exec(defaults)?.[1] ?? '';
  const pPrDefault = /<w:pPrDefault><w:pPr>([\s\S]*?)<\/w:pPr>/.exec(defaults)?.[1] ?? '';
  const styles = new Map<string, XStyle>();
  let defaultParagraph = 'Normal';
  for (const m of xml.matchAll(/<w:style ([^>]*)>([\s\S]*?)<\/w:style>/g)) {
    const id = /w:styleId="([^"]*)"/.exec(m[1])?.[1];
    const type = /w:type="([^"]*)"/.exec(m[1])?.[1] ?? 'paragraph';
    if (!id) continue;
    if (type === 'paragraph' && /w:default="(1|true|on)"/.test(m[1])) defaultParagraph = id;
    styles.set(id, {
      type,
      basedOn: /<w:basedOn w:val="([^"]*)"\/>/.exec(m[2])?.[1],
      pPr: /<w:pPr>([\s\S]*?)<\/w:pPr>/.exec(m[2])?.[1] ?? '',
      rPr: /<w:rPr>([\s\S]*?)<\/w:rPr>/.exec(m[2])?.[1] ?? '',
    });
  }
  /** The style and its ancestors, root first. Throws on a missing id: a dangling reference is a bug. */
  const chain = (id: string | undefined): XStyle[] => {
    const out: XStyle[] = [];
    const seen = new Set<string>();
    for (let cur = id; cur && !seen.has(cur); ) {
      seen.add(cur);
      const s = styles.get(cur);
      if (!s) throw new Error(`styles.xml has no style ${cur}`);
      out.unshift(s);
      cur = s.basedOn;
    }
    return out;
  };
  const styleOf = (p: XPara) => attr(p.pPr, 'w:pStyle', 'w:val') ?? defaultParagraph;
  return {
    styleOf,
    pPr: (p) => merge([pPrDefault, ...chain(styleOf(p)).map((s) => s.pPr), p.pPr], 'w:pStyle'),
    rPr: (p, r) =>
      merge(
        [rPrDefault, ...chain(styleOf(p)).map((s) => s.rPr), ...chain(attr(r.rPr, 'w:rStyle', 'w:val')).map((s) => s.rPr), r.rPr],
        'w:rStyle',
      ),
  };
}

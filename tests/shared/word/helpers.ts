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

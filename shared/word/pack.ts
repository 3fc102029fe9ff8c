/**
 * Document → .docx bytes, in the browser and in Node alike (Packer.toArrayBuffer; no Buffer, no Blob).
 * Duplex profiles get w:mirrorMargins, which docx 9.15 cannot write, patched into settings.xml.
 */
import { Packer, type Document } from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { wantsMirrorMargins } from './document';

export interface PackOptions {
  /** Overrides what the builder asked for (the profile's duplex setting). */
  mirrorMargins?: boolean;
}

/** CT_Settings elements that come after w:mirrorMargins (ECMA-376 §17.15.1.78 sequence). */
const AFTER_MIRROR = [
  '<w:alignBordersAndEdges',
  '<w:bordersDoNotSurroundHeader',
  '<w:bordersDoNotSurroundFooter',
  '<w:gutterAtTop',
  '<w:hideSpellingErrors',
  '<w:hideGrammaticalErrors',
  '<w:activeWritingStyle',
  '<w:proofState',
  '<w:formsDesign',
  '<w:attachedTemplate',
  '<w:linkStyles',
  '<w:stylePaneFormatFilter',
  '<w:stylePaneSortMethod',
  '<w:documentType',
  '<w:mailMerge',
  '<w:revisionView',
  '<w:trackRevisions',
  '<w:doNotTrackMoves',
  '<w:doNotTrackFormatting',
  '<w:documentProtection',
  '<w:autoFormatOverride',
  '<w:styleLockTheme',
  '<w:styleLockQFSet',
  '<w:defaultTabStop',
  '<w:autoHyphenation',
  '<w:evenAndOddHeaders',
  '<w:updateFields',
  '<w:compat',
  '</w:settings>',
];

export function addMirrorMargins(settingsXml: string): string {
  if (settingsXml.includes('<w:mirrorMargins')) return settingsXml;
  const at = Math.min(...AFTER_MIRROR.map((tag) => settingsXml.indexOf(tag)).filter((i) => i >= 0));
  if (!Number.isFinite(at)) throw new Error('settings.xml has no closing tag');
  return `${settingsXml.slice(0, at)}<w:mirrorMargins/>${settingsXml.slice(at)}`;
}

export function patchDocxZip(bytes: Uint8Array, patch: (path: string, xml: string) => string | null): Uint8Array {
  const files = unzipSync(bytes);
  const out: Zippable = {};
  for (const [path, data] of Object.entries(files)) {
    const patched = path.endsWith('.xml') ? patch(path, strFromU8(data)) : null;
    out[path] = patched === null ? data : strToU8(patched);
  }
  return zipSync(out, { level: 6 });
}

export async function toDocxBytes(doc: Document, opts: PackOptions = {}): Promise<Uint8Array> {
  const bytes = new Uint8Array(await Packer.toArrayBuffer(doc));
  const mirror = opts.mirrorMargins ?? wantsMirrorMargins(doc);
  if (!mirror) return bytes;
  return patchDocxZip(bytes, (path, xml) => (path === 'word/settings.xml' ? addMirrorMargins(xml) : null));
}

/** Word's MIME type, for save dialogs and downloads. */
export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

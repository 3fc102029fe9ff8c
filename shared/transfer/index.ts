/**
 * Transfer files (.pmx): the public surface used by the renderer (export/import screens) and
 * the database layer. See docs/pmx-format.md for the byte layout.
 */
import { buildArchive, readArchive, sha256Hex, type ArchiveContents, type BuildArchiveInput, type Manifest, type ReadArchiveOptions } from './archive';
import type { Bytes } from './bytes';
import type { PmxHeaderInfo } from './header';
import { decodePmx, encodePmx, type PmxEncodeOptions } from './pmx';
import type { z } from 'zod';

export * from './errors';
export { readPmxHeader, PMX_MAGIC, MAX_HEADER_LENGTH, MIN_ITERATIONS, MAX_ITERATIONS, MIN_CHUNK_SIZE, MAX_CHUNK_SIZE, DEFAULT_CHUNK_SIZE } from './header';
export type { PmxHeader, PmxHeaderInfo, PmxLabel } from './header';
export type { PmxCipherName, PmxKdfName } from './kdf';
export { encodePmx, encodePmxStream, decodePmx, decodePmxStream, DEFAULT_ITERATIONS } from './pmx';
export type { PmxEncodeOptions, PmxDecodeOptions, PmxInput } from './pmx';
export { buildArchive, readArchive, manifestSchema, sha256Hex } from './archive';
export type { ArchiveContents, BuildArchiveInput, Manifest, ManifestSource, ReadArchiveOptions } from './archive';
export * from './merge';

/** Export: build the ZIP and encrypt it. `sha256` is of the .pmx file (for the audit log). */
export async function writeTransferFile(
  input: BuildArchiveInput,
  options: PmxEncodeOptions,
): Promise<{ file: Bytes; manifest: Manifest; sha256: string }> {
  const { zip, manifest } = await buildArchive(input);
  const file = await encodePmx(zip, options);
  return { file, manifest, sha256: await sha256Hex(file) };
}

/**
 * Import: decrypt, unzip, verify and validate the whole file. Nothing is returned unless every
 * check passed, so the caller can then write in one short database transaction.
 */
export async function readTransferFile<S extends Record<string, z.ZodType>>(
  file: Uint8Array,
  password: string,
  options: ReadArchiveOptions<S>,
): Promise<ArchiveContents<S> & { info: PmxHeaderInfo; sha256: string }> {
  const { info, plaintext } = await decodePmx(file, password);
  const contents = await readArchive(plaintext, options);
  return { ...contents, info, sha256: await sha256Hex(file) };
}

/** Atomic file writes: a crash or full disk never leaves a half-written file under the final name. */
import { randomBytes } from 'node:crypto';
import { open, rename, unlink } from 'node:fs/promises';
import path from 'node:path';

/** A short hidden temporary name beside the target (same folder, so the final rename is atomic). */
export function tempPathFor(target: string): string {
  return path.join(path.dirname(target), `.pm-${randomBytes(6).toString('hex')}.tmp`);
}

/**
 * Writes bytes to a temporary file in the same folder (same volume, so rename is atomic), flushes
 * it to disk, then renames it over the target. The temporary name is short and hidden so it fits
 * beside any sanitised name and is skipped by listings. On failure the temporary file is removed.
 */
export async function writeFileAtomic(target: string, bytes: Uint8Array): Promise<void> {
  const tmp = tempPathFor(target);
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(tmp, 'wx', 0o600);
    await handle.writeFile(bytes);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await rename(tmp, target);
  } catch (err) {
    if (handle !== undefined) await handle.close().catch(() => {});
    await unlink(tmp).catch(() => {});
    throw err;
  }
}

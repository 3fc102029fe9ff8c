/**
 * Where the bundles sit relative to the main bundle (out/main/index.js), the same in development
 * and inside app.asar: out/renderer (renderer build) and out/preload/index.cjs (sandboxed preload).
 */
import path from 'node:path';

export function bundlePaths(mainDir: string): { rendererRoot: string; preload: string } {
  return {
    rendererRoot: path.resolve(mainDir, '..', 'renderer'),
    preload: path.resolve(mainDir, '..', 'preload', 'index.cjs'),
  };
}

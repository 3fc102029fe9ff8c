// Types of build/check-package.mjs (plain Node script; Node 20 has no TypeScript runner).
export declare const FUSE_SENTINEL: string;
export declare const FUSE_POSITIONS: Record<string, number>;
export declare function readFuseWires(binary: Uint8Array): { version: number; states: number[] }[];
export declare function judgeFuses(wire: { version: number; states: number[] }, electronFuses: Record<string, boolean>): string[];
export declare function judgeAsarEntries(entries: readonly string[]): string[];
export declare function findPackagedApps(dir: string): { root: string; asar: string; executable: string | null }[];

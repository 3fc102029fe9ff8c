/**
 * The renderer's single door to its host: the preload's HostApi in the desktop app, the web
 * adapter in a plain browser. Import getHost(), never window.partyMinutesHost directly.
 */
import { HOST_GLOBAL, type HostApi } from '../../shared/host';
import { webHost } from './web';

declare global {
  interface Window {
    /** Set by the Electron preload (electron/preload.ts); absent in a plain browser. */
    [HOST_GLOBAL]?: HostApi;
  }
}

let cached: HostApi | null = null;

export function getHost(): HostApi {
  if (cached === null) cached = window[HOST_GLOBAL] ?? webHost;
  return cached;
}

/** Tests only: forget the memoised host so the next getHost() looks again. */
export function resetHostForTests(): void {
  cached = null;
}

import type { QingboBridge } from '../../shared/bridge';

declare global {
  interface Window {
    /** Present in the desktop app (exposed by the preload); absent in the browser. */
    qingbo?: QingboBridge;
  }
}

// How values look on screen: instants in China time, counts with separators, empty as a dash.

/** An UTC ISO instant as 'YYYY-MM-DD HH:mm' in Asia/Shanghai (UTC+8, no daylight saving). */
export function formatInstant(iso: string): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  return new Date(t + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** 12345 → 12,345 */
export const formatCount = (n: number): string => n.toLocaleString('zh-CN');

/** What an empty value shows. */
export const EMPTY = '—';

/** Milliseconds as the clerk reads them: 28 毫秒, 1.2 秒. */
export const formatMs = (ms: number): string => (ms < 1000 ? `${Math.max(1, Math.round(ms))} 毫秒` : `${(ms / 1000).toFixed(1)} 秒`);

/** A file size as the clerk reads it: 820 字节, 35.2 KB, 4.1 MB. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} 字节`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** An amount of fen (分) in yuan with two decimals: 123456 → 1,234.56 元. */
export const formatYuan = (fen: number): string =>
  `${(fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} 元`;

// Names of entries in an exported zip: safe on Windows (the office's machines), in Explorer's
// built-in unzip and in WinRAR, and never the same twice within a folder.

// Windows refuses these as file names whatever the extension.
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;
const MAX_SEGMENT = 80;

/** One path segment: no separators, control or reserved characters, no trailing dots or spaces, not too long. */
export function safeSegment(raw: string, fallback = '未命名'): string {
  let s = raw
    .replace(/[\u0000-\u001f\u007f\u200b-\u200f\u2028\u2029\ufeff]/g, '')
    .replace(/[<>:"/\\|?*]/g, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '')
    .replace(/[. ]+$/, '');
  if (!s) s = fallback;
  const dot = s.lastIndexOf('.');
  const ext = dot > 0 && s.length - dot <= 10 ? s.slice(dot) : '';
  const stem = ext ? s.slice(0, dot) : s;
  if (RESERVED.test(stem)) s = `_${s}`;
  if ([...s].length > MAX_SEGMENT) s = [...stem].slice(0, MAX_SEGMENT - [...ext].length).join('').replace(/[. ]+$/, '') + ext;
  return s;
}

/** Hands out names within one folder, adding (2), (3)… before the extension to repeats (case-insensitively, as Windows compares). */
export class UniqueNames {
  private readonly taken = new Set<string>();

  /** `name` if still free, else the first free numbered variant. */
  claim(name: string): string {
    const dot = name.lastIndexOf('.');
    const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
    let candidate = name;
    for (let n = 2; this.taken.has(candidate.toLowerCase()); n++) candidate = `${stem} (${n})${ext}`;
    this.taken.add(candidate.toLowerCase());
    return candidate;
  }
}

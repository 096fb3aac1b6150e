// Building blocks for printable HTML: escaping, the Chinese font stacks, the page-number footer.

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
// C0 controls other than tab and line feed, DEL and the C1 range print as boxes or break the layout.
const UNPRINTABLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** Text made safe for HTML content and attribute values (quotes included). */
export function escapeHtml(text: unknown): string {
  return String(text ?? '')
    .replace(UNPRINTABLE, ' ')
    .replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

// Offices print on Windows with the fonts Word uses, so those come first; Debian and other
// machines without them fall back to the open fonts (there is no open simplified 仿宋: it falls
// back to a Song face).
const OPEN_SERIF = '"Noto Serif CJK SC", "Source Han Serif SC", "AR PL SungtiL GB", "AR PL UMing CN"';
const OPEN_SANS = '"Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Zen Hei", "WenQuanYi Micro Hei"';

/** CSS font-family values for the faces official documents use. */
export const FONTS = {
  /** 宋体: body text of tables and records. */
  song: `"SimSun", "宋体", "NSimSun", "Songti SC", ${OPEN_SERIF}, ${OPEN_SANS}, serif`,
  /** 仿宋: the body face of GB/T 9704 documents. */
  fangsong: `"FangSong", "仿宋", "FangSong_GB2312", "仿宋_GB2312", "STFangsong", ${OPEN_SERIF}, ${OPEN_SANS}, serif`,
  /** 黑体: headings. */
  hei: `"SimHei", "黑体", "Microsoft YaHei", "微软雅黑", "PingFang SC", ${OPEN_SANS}, sans-serif`,
  /** 楷体 */
  kai: `"KaiTi", "楷体", "KaiTi_GB2312", "楷体_GB2312", "STKaiti", "AR PL KaitiM GB", "AR PL UKai CN", ${OPEN_SERIF}, serif`,
  /** 微软雅黑: small print such as footers. */
  ui: `"Microsoft YaHei", "微软雅黑", "PingFang SC", ${OPEN_SANS}, sans-serif`,
} as const;

export interface FooterOptions {
  /** Text at the left and right ends (escaped here). */
  left?: string;
  right?: string;
  /** The page-number text; `{page}` and `{pages}` are replaced. Default 第 {page} 页 共 {pages} 页. */
  pageText?: string;
  /** Distance of the text from the paper's left and right edges (match the @page margins). */
  sideMarginsMm?: { left: number; right: number };
  fontSizePt?: number;
}

/** A footer template with page numbers (第 X 页 共 Y 页 by default) and optional side texts. */
export function pageFooter(o: FooterOptions = {}): string {
  const pageText = escapeHtml(o.pageText ?? '第 {page} 页 共 {pages} 页')
    .replace('{page}', '<span class="pageNumber"></span>')
    .replace('{pages}', '<span class="totalPages"></span>');
  const side = o.sideMarginsMm ?? { left: 18, right: 18 };
  const cell = 'flex: 1 1 0; white-space: nowrap; overflow: hidden; text-overflow: ellipsis;';
  // Templates are drawn in their own tiny page: every style must be inline and the font size explicit.
  return (
    `<div style="width: 100%; display: flex; align-items: baseline; padding: 0 ${side.right}mm 0 ${side.left}mm; box-sizing: border-box;` +
    ` font-family: ${escapeHtml(FONTS.ui)}; font-size: ${o.fontSizePt ?? 8}pt; color: #333;">` +
    `<span style="${cell} text-align: left;">${escapeHtml(o.left ?? '')}</span>` +
    `<span style="flex: 0 0 auto; padding: 0 4mm;">${pageText}</span>` +
    `<span style="${cell} text-align: right;">${escapeHtml(o.right ?? '')}</span></div>`
  );
}

/** An empty template, to keep Chromium's default header (date and title) off the page. */
export const EMPTY_TEMPLATE = '<span></span>';

/** A date as printed on documents: 2026年3月2日 (GB/T 9704: Arabic numerals, no zero padding). */
export function chineseDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

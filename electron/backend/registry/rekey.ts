// Brings the stored search keys up to the current rules (after an upgrade, or for rows written
// by an older version). Runs at start-up, in batches, each batch its own transaction.
import type { Sqlite } from '../db/open';
import { reindex } from './repo';
import { SEARCH_KEYS_VERSION, searchKeys } from './search-keys';

/** Re-keys every enterprise whose keys are older than SEARCH_KEYS_VERSION; returns how many. */
export function rekeyEnterprises(sqlite: Sqlite, batch = 5000): number {
  const select = sqlite.prepare('SELECT id, name, former_names FROM enterprises WHERE search_version < ? LIMIT ?');
  const update = sqlite.prepare(
    'UPDATE enterprises SET name_pinyin = ?, name_initials = ?, search_grams = ?, name_key = ?, search_version = ? WHERE id = ?',
  );
  let done = 0;
  for (;;) {
    const rows = select.all(SEARCH_KEYS_VERSION, batch) as { id: number; name: string; former_names: string }[];
    if (!rows.length) return done;
    sqlite.transaction(() => {
      for (const r of rows) {
        const k = searchKeys(r.name, JSON.parse(r.former_names) as string[]);
        update.run(k.namePinyin, k.nameInitials, k.searchGrams, k.nameKey, SEARCH_KEYS_VERSION, r.id);
        reindex(sqlite, r.id);
      }
    }).immediate();
    done += rows.length;
  }
}

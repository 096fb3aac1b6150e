-- Search indexes over the registry. The search keys themselves (pinyin, initials, character
-- grams) are computed in JS and stored on the enterprise row; rows written before this version
-- get them, and their index entries, at the next start-up (search_version = 0).
-- enterprise_text: trigram index for substrings of 3+ characters.
CREATE VIRTUAL TABLE `enterprise_text` USING fts5(name, former, address, code, phone, pinyin, initials, state, tokenize = 'trigram', content = '', contentless_delete = 1);
--> statement-breakpoint
-- Both carry the state ('active' / 'archived') so that the usual search, among active
-- enterprises, is counted inside the index without visiting the rows.
-- enterprise_grams: whole-token index of single characters and character pairs, for 1–2 character queries.
CREATE VIRTUAL TABLE `enterprise_grams` USING fts5(grams, state, tokenize = 'unicode61', content = '', contentless_delete = 1);
--> statement-breakpoint
-- The indexes and the tag/product mirrors are written by registry/repo.ts (enterpriseWriter,
-- reindex), not by insert/update triggers: FTS5 flushes its pending terms at every statement
-- savepoint, and a statement that fires a trigger opens one, which made imports three times
-- slower. Rows inserted any other way keep search_version = 0 and are indexed by the re-keying
-- at the next start-up. Deletes (which the product never does) still clean up here.
CREATE TRIGGER `enterprises_search_ad` AFTER DELETE ON `enterprises` BEGIN
  DELETE FROM enterprise_text WHERE rowid = old.id;
  DELETE FROM enterprise_grams WHERE rowid = old.id;
  DELETE FROM enterprise_tags WHERE enterprise_id = old.id;
  DELETE FROM enterprise_products WHERE enterprise_id = old.id;
END;

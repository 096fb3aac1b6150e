-- Search indexes over the registry, kept by triggers so that every write path (forms, import,
-- merge, demo data) keeps them right. The search keys themselves (pinyin, initials, character
-- grams) are computed in JS and stored on the enterprise row; rows written before this version
-- get them at the next start-up (search_version = 0).
-- enterprise_text: trigram index for substrings of 3+ characters.
CREATE VIRTUAL TABLE `enterprise_text` USING fts5(name, former, address, code, phone, pinyin, initials, state, tokenize = 'trigram', content = '', contentless_delete = 1);
--> statement-breakpoint
-- Both carry the state ('active' / 'archived') so that the usual search, among active
-- enterprises, is counted inside the index without visiting the rows.
-- enterprise_grams: whole-token index of single characters and character pairs, for 1–2 character queries.
CREATE VIRTUAL TABLE `enterprise_grams` USING fts5(grams, state, tokenize = 'unicode61', content = '', contentless_delete = 1);
--> statement-breakpoint
CREATE TRIGGER `enterprises_search_ai` AFTER INSERT ON `enterprises` BEGIN
  INSERT INTO enterprise_text (rowid, name, former, address, code, phone, pinyin, initials, state)
    VALUES (new.id, new.name, new.former_names, new.address, new.uscc, new.phone, new.name_pinyin, new.name_initials,
      CASE WHEN new.archived_at IS NULL THEN 'active' ELSE 'archived' END);
  INSERT INTO enterprise_grams (rowid, grams, state) VALUES (new.id, new.search_grams, CASE WHEN new.archived_at IS NULL THEN 'active' ELSE 'archived' END);
  INSERT INTO enterprise_tags (enterprise_id, tag) SELECT DISTINCT new.id, value FROM json_each(new.tags);
  INSERT INTO enterprise_products (enterprise_id, product_id) SELECT DISTINCT new.id, value FROM json_each(new.products);
END;
--> statement-breakpoint
CREATE TRIGGER `enterprises_search_au` AFTER UPDATE OF name, former_names, address, uscc, phone, name_pinyin, name_initials, search_grams, archived_at ON `enterprises` BEGIN
  DELETE FROM enterprise_text WHERE rowid = old.id;
  INSERT INTO enterprise_text (rowid, name, former, address, code, phone, pinyin, initials, state)
    VALUES (new.id, new.name, new.former_names, new.address, new.uscc, new.phone, new.name_pinyin, new.name_initials,
      CASE WHEN new.archived_at IS NULL THEN 'active' ELSE 'archived' END);
  DELETE FROM enterprise_grams WHERE rowid = old.id;
  INSERT INTO enterprise_grams (rowid, grams, state) VALUES (new.id, new.search_grams, CASE WHEN new.archived_at IS NULL THEN 'active' ELSE 'archived' END);
END;
--> statement-breakpoint
CREATE TRIGGER `enterprises_tags_au` AFTER UPDATE OF tags ON `enterprises` BEGIN
  DELETE FROM enterprise_tags WHERE enterprise_id = old.id;
  INSERT INTO enterprise_tags (enterprise_id, tag) SELECT DISTINCT new.id, value FROM json_each(new.tags);
END;
--> statement-breakpoint
CREATE TRIGGER `enterprises_products_au` AFTER UPDATE OF products ON `enterprises` BEGIN
  DELETE FROM enterprise_products WHERE enterprise_id = old.id;
  INSERT INTO enterprise_products (enterprise_id, product_id) SELECT DISTINCT new.id, value FROM json_each(new.products);
END;
--> statement-breakpoint
CREATE TRIGGER `enterprises_search_ad` AFTER DELETE ON `enterprises` BEGIN
  DELETE FROM enterprise_text WHERE rowid = old.id;
  DELETE FROM enterprise_grams WHERE rowid = old.id;
  DELETE FROM enterprise_tags WHERE enterprise_id = old.id;
  DELETE FROM enterprise_products WHERE enterprise_id = old.id;
END;
--> statement-breakpoint
-- Rows written before this version: mirror their tags (their text indexes come with the re-keying at start-up).
INSERT INTO enterprise_tags (enterprise_id, tag) SELECT DISTINCT e.id, j.value FROM enterprises e, json_each(e.tags) j;

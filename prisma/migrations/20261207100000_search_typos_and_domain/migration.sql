-- Search that forgives and understands (issue 17).
--
--   * regions.other_names: alternative names ("Gomel Oblast", "Гомельская обл."), part of a region's document;
--   * organizations.search_document: its own words and what it is found by beyond them (its region's names in
--     both languages and romanised, its country, the words for its kind, its sectors' names), kept by triggers
--     on the tables it reads, so that every writer keeps it right;
--   * search_words: the distinct words of the searchable names (folded Cyrillic and romanised) with how many
--     live records hold each, kept by statement triggers; typed words are corrected against it (pg_trgm finds
--     the candidates, fuzzystrmatch's levenshtein_less_equal accepts them);
--   * search_synonyms: the domain's equivalent words across scripts (ООО = OOO = LLC, обл. = oblast = region).

CREATE EXTENSION IF NOT EXISTS fuzzystrmatch;

-- ---- Words and edit distance ----

-- The stem the search compares words by: Russian snowball for Cyrillic, English for Latin (the russian
-- configuration hands Latin words to the English stemmer); a stop word is its own stem.
CREATE FUNCTION interregio_stem(word text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
RETURN coalesce((tsvector_to_array(to_tsvector('russian', word)))[1], word);

-- The distinct words of a text as the word table keeps them: folded, in its own script and romanised, four
-- letters or more (shorter words are never corrected), without digits or hyphens.
CREATE FUNCTION interregio_words(names text) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
RETURN ARRAY(
  SELECT DISTINCT w
    FROM unnest(tsvector_to_array(to_tsvector('simple', interregio_fold(names) || ' ' || interregio_romanize(names)))) AS w
   WHERE char_length(w) >= 4 AND w !~ '[-0-9_./@]'
);

-- Optimal string alignment distance: Levenshtein with a swap of two neighbouring letters as one edit
-- ("Kurks" is one slip from "Kursk"), which fuzzystrmatch's levenshtein counts as two.
CREATE FUNCTION interregio_osa_distance(a text, b text) RETURNS int
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE STRICT AS $$
DECLARE
  m int := char_length(a);
  n int := char_length(b);
  d int[];
  cost int;
BEGIN
  IF m = 0 THEN RETURN n; END IF;
  IF n = 0 THEN RETURN m; END IF;
  d := array_fill(0, ARRAY[m + 1, n + 1]);
  FOR i IN 0..m LOOP d[i + 1][1] := i; END LOOP;
  FOR j IN 0..n LOOP d[1][j + 1] := j; END LOOP;
  FOR i IN 1..m LOOP
    FOR j IN 1..n LOOP
      cost := CASE WHEN substr(a, i, 1) = substr(b, j, 1) THEN 0 ELSE 1 END;
      d[i + 1][j + 1] := least(d[i][j + 1] + 1, d[i + 1][j] + 1, d[i][j] + cost);
      IF i > 1 AND j > 1 AND substr(a, i, 1) = substr(b, j - 1, 1) AND substr(a, i - 1, 1) = substr(b, j, 1) THEN
        d[i + 1][j + 1] := least(d[i + 1][j + 1], d[i - 1][j - 1] + 1);
      END IF;
    END LOOP;
  END LOOP;
  RETURN d[m + 1][n + 1];
END $$;

-- The edits between a typed word and a known one, exact up to max_edits (more is "too many"): the fast
-- levenshtein_less_equal first, the swap-aware distance only where swaps could bring it within max_edits.
CREATE FUNCTION interregio_typo_distance(typed text, known text, max_edits int) RETURNS int
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE STRICT AS $$
DECLARE
  plain int := levenshtein_less_equal(typed, known, 2 * max_edits);
BEGIN
  IF plain <= max_edits OR plain > 2 * max_edits THEN RETURN plain; END IF;
  RETURN interregio_osa_distance(typed, known);
END $$;

-- How many edits a typed word may be forgiven: none below 5 letters, one from 5 to 8, two from 9.
CREATE FUNCTION interregio_typo_budget(word text) RETURNS int
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
RETURN CASE WHEN char_length(word) >= 9 THEN 2 WHEN char_length(word) >= 5 THEN 1 ELSE 0 END;

-- tsqueries combined over rows: all of them (each word of a query) or any of them (a word's alternatives).
CREATE AGGREGATE interregio_all(tsquery) (SFUNC = tsquery_and, STYPE = tsquery);
CREATE AGGREGATE interregio_any(tsquery) (SFUNC = tsquery_or, STYPE = tsquery);

CREATE TABLE "search_words" (
  "word" text PRIMARY KEY,
  "stem" text NOT NULL,
  -- Live records whose names hold the word; vocabulary words (kinds, sectors, synonyms) are kept at zero.
  "documents" int NOT NULL DEFAULT 0,
  "vocabulary" boolean NOT NULL DEFAULT false
);
CREATE INDEX "search_words_word_trgm_idx" ON "search_words" USING gin ("word" gin_trgm_ops);
CREATE INDEX "search_words_stem_idx" ON "search_words" ("stem");

-- Adds (sign 1) or takes away (sign -1) one document for each word of each text; words no record holds any
-- more go. Words are written in order, so that two writers never wait for each other's words crosswise.
CREATE FUNCTION interregio_count_words(texts text[], sign int) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  touched text[];
BEGIN
  WITH counted AS (
    SELECT w, count(*)::int AS n FROM unnest(texts) AS t(names), unnest(interregio_words(t.names)) AS w GROUP BY w
  ), written AS (
    INSERT INTO search_words (word, stem, documents)
    SELECT w, interregio_stem(w), sign * n FROM counted ORDER BY w
    ON CONFLICT (word) DO UPDATE SET documents = search_words.documents + excluded.documents
    RETURNING word, documents, vocabulary
  )
  SELECT array_agg(word) INTO touched FROM written WHERE documents <= 0 AND NOT vocabulary;
  IF touched IS NOT NULL THEN
    DELETE FROM search_words WHERE word = ANY(touched) AND documents <= 0 AND NOT vocabulary;
  END IF;
END $$;

-- The searchable names of each record type, as one text.
CREATE FUNCTION interregio_organization_names(name text, name_en text, other_names text[]) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN name || ' ' || coalesce(name_en, '') || ' ' || interregio_join(other_names);

-- Statement triggers (one upsert per statement, not per row) count the words of live records' names.
CREATE FUNCTION interregio_organization_words() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM interregio_count_words(ARRAY(SELECT interregio_organization_names(n.name, n.name_en, n.other_names) FROM new_rows n WHERE n.archived_at IS NULL), 1);
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM interregio_count_words(ARRAY(SELECT interregio_organization_names(o.name, o.name_en, o.other_names) FROM old_rows o WHERE o.archived_at IS NULL), -1);
  ELSE
    -- Only the rows whose names or liveness changed: an edit of other fields costs nothing here.
    PERFORM interregio_count_words(ARRAY(
      SELECT interregio_organization_names(o.name, o.name_en, o.other_names) FROM old_rows o JOIN new_rows n ON n.id = o.id
       WHERE o.archived_at IS NULL AND (o.name, o.name_en, o.other_names, o.archived_at IS NULL) IS DISTINCT FROM (n.name, n.name_en, n.other_names, n.archived_at IS NULL)), -1);
    PERFORM interregio_count_words(ARRAY(
      SELECT interregio_organization_names(n.name, n.name_en, n.other_names) FROM old_rows o JOIN new_rows n ON n.id = o.id
       WHERE n.archived_at IS NULL AND (o.name, o.name_en, o.other_names, o.archived_at IS NULL) IS DISTINCT FROM (n.name, n.name_en, n.other_names, n.archived_at IS NULL)), 1);
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER "organizations_words_insert" AFTER INSERT ON "organizations" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION interregio_organization_words();
CREATE TRIGGER "organizations_words_update" AFTER UPDATE ON "organizations" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION interregio_organization_words();
CREATE TRIGGER "organizations_words_delete" AFTER DELETE ON "organizations" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION interregio_organization_words();

CREATE FUNCTION interregio_region_words() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM interregio_count_words(ARRAY(SELECT n.name_ru || ' ' || n.name_en || ' ' || interregio_join(n.other_names) FROM new_rows n WHERE n.archived_at IS NULL), 1);
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM interregio_count_words(ARRAY(SELECT o.name_ru || ' ' || o.name_en || ' ' || interregio_join(o.other_names) FROM old_rows o WHERE o.archived_at IS NULL), -1);
  ELSE
    -- Only the rows whose names or liveness changed: an edit of other fields costs nothing here.
    PERFORM interregio_count_words(ARRAY(
      SELECT o.name_ru || ' ' || o.name_en || ' ' || interregio_join(o.other_names) FROM old_rows o JOIN new_rows n ON n.id = o.id
       WHERE o.archived_at IS NULL AND (o.name_ru, o.name_en, o.other_names, o.archived_at IS NULL) IS DISTINCT FROM (n.name_ru, n.name_en, n.other_names, n.archived_at IS NULL)), -1);
    PERFORM interregio_count_words(ARRAY(
      SELECT n.name_ru || ' ' || n.name_en || ' ' || interregio_join(n.other_names) FROM old_rows o JOIN new_rows n ON n.id = o.id
       WHERE n.archived_at IS NULL AND (o.name_ru, o.name_en, o.other_names, o.archived_at IS NULL) IS DISTINCT FROM (n.name_ru, n.name_en, n.other_names, n.archived_at IS NULL)), 1);
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER "regions_words_insert" AFTER INSERT ON "regions" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION interregio_region_words();
CREATE TRIGGER "regions_words_update" AFTER UPDATE ON "regions" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION interregio_region_words();
CREATE TRIGGER "regions_words_delete" AFTER DELETE ON "regions" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION interregio_region_words();

CREATE FUNCTION interregio_meeting_words() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM interregio_count_words(ARRAY(SELECT n.title_ru || ' ' || n.title_en FROM new_rows n WHERE n.archived_at IS NULL), 1);
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM interregio_count_words(ARRAY(SELECT o.title_ru || ' ' || o.title_en FROM old_rows o WHERE o.archived_at IS NULL), -1);
  ELSE
    -- Only the rows whose names or liveness changed: an edit of other fields costs nothing here.
    PERFORM interregio_count_words(ARRAY(
      SELECT o.title_ru || ' ' || o.title_en FROM old_rows o JOIN new_rows n ON n.id = o.id
       WHERE o.archived_at IS NULL AND (o.title_ru, o.title_en, o.archived_at IS NULL) IS DISTINCT FROM (n.title_ru, n.title_en, n.archived_at IS NULL)), -1);
    PERFORM interregio_count_words(ARRAY(
      SELECT n.title_ru || ' ' || n.title_en FROM old_rows o JOIN new_rows n ON n.id = o.id
       WHERE n.archived_at IS NULL AND (o.title_ru, o.title_en, o.archived_at IS NULL) IS DISTINCT FROM (n.title_ru, n.title_en, n.archived_at IS NULL)), 1);
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER "meetings_words_insert" AFTER INSERT ON "meetings" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION interregio_meeting_words();
CREATE TRIGGER "meetings_words_update" AFTER UPDATE ON "meetings" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION interregio_meeting_words();
CREATE TRIGGER "meetings_words_delete" AFTER DELETE ON "meetings" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION interregio_meeting_words();

-- ---- Regions' alternative names, in their document ----

ALTER TABLE "regions" ADD COLUMN "other_names" text[] NOT NULL DEFAULT '{}';
DROP INDEX "regions_search_vector_idx";
DROP INDEX "regions_search_latin_idx";
ALTER TABLE "regions" DROP COLUMN "search_vector", DROP COLUMN "search_latin";
ALTER TABLE "regions"
  ADD COLUMN "search_latin" text GENERATED ALWAYS AS (
    interregio_romanize("name_ru" || ' ' || "name_en" || ' ' || interregio_join("other_names"))
  ) STORED,
  ADD COLUMN "search_vector" tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('russian', interregio_fold("name_ru")), 'A') ||
    setweight(to_tsvector('english', interregio_fold("name_en")), 'A') ||
    setweight(to_tsvector('simple', interregio_romanize("name_ru" || ' ' || "name_en")), 'A') ||
    setweight(to_tsvector('simple', lower(coalesce("iso_code", ''))), 'A') ||
    setweight(to_tsvector('russian', interregio_fold(interregio_join("other_names"))), 'B') ||
    setweight(to_tsvector('simple', interregio_romanize(interregio_join("other_names"))), 'B')
  ) STORED;
CREATE INDEX "regions_search_vector_idx" ON "regions" USING gin ("search_vector");
CREATE INDEX "regions_search_latin_idx" ON "regions" USING gin ("search_latin" gin_trgm_ops);

-- The reference regions' usual other names (prisma/regions.ts), for databases seeded before this migration.
UPDATE regions r SET other_names = v.names
  FROM (VALUES
  ('belarus', ARRAY['Republic of Belarus', 'Республика Беларусь', 'Белоруссия']),
  ('minsk', ARRAY['Minsk City', 'г. Минск', 'город Минск']),
  ('minsk-region', ARRAY['Minsk Oblast', 'Минская обл.', 'Minskaya oblast']),
  ('brest-region', ARRAY['Brest Oblast', 'Брестская обл.', 'Brestskaya oblast']),
  ('gomel-region', ARRAY['Gomel Oblast', 'Homiel Region', 'Гомельская обл.', 'Homyel Voblasts']),
  ('grodno-region', ARRAY['Grodno Oblast', 'Hrodna Region', 'Гродненская обл.']),
  ('mogilev-region', ARRAY['Mogilev Oblast', 'Mahilyow Region', 'Могилевская обл.']),
  ('vitebsk-region', ARRAY['Vitebsk Oblast', 'Viciebsk Region', 'Витебская обл.']),
  ('russia', ARRAY['Russian Federation', 'Российская Федерация', 'РФ']),
  ('kursk-oblast', ARRAY['Kursk Region', 'Курская обл.', 'Kurskaya oblast']),
  ('belgorod-oblast', ARRAY['Belgorod Region', 'Белгородская обл.']),
  ('bryansk-oblast', ARRAY['Bryansk Region', 'Брянская обл.'])
  ) AS v(slug, names)
 WHERE r.slug = v.slug AND r.other_names = '{}';

-- ---- The domain's vocabulary ----

-- Words that mean the same across scripts and abbreviations: a typed word found here (by its stem) also
-- searches for every other word of its group. Reference data: the migration writes it, nobody edits it.
CREATE TABLE "search_synonyms" (
  "group_id" int NOT NULL,
  "word" text NOT NULL,
  "stem" text NOT NULL GENERATED ALWAYS AS (interregio_stem("word")) STORED,
  PRIMARY KEY ("group_id", "word")
);
CREATE INDEX "search_synonyms_stem_idx" ON "search_synonyms" ("stem");

INSERT INTO "search_synonyms" ("group_id", "word")
SELECT g.id, w FROM (VALUES
  -- Legal forms: the Russian and Belarusian abbreviations, their romanised spellings and the English ones.
  (1, ARRAY['ооо', 'ooo', 'llc', 'общество с ограниченной ответственностью', 'limited liability company']),
  (2, ARRAY['оао', 'oao', 'ojsc', 'открытое акционерное общество', 'open joint-stock company']),
  (3, ARRAY['зао', 'zao', 'cjsc', 'закрытое акционерное общество', 'closed joint-stock company']),
  (4, ARRAY['ао', 'ao', 'jsc', 'акционерное общество', 'joint-stock company']),
  (5, ARRAY['сооо', 'sooo', 'jllc']),
  (6, ARRAY['пао', 'pao', 'pjsc']),
  (7, ARRAY['уо', 'uo', 'учреждение образования']),
  (8, ARRAY['ип', 'ip', 'индивидуальный предприниматель', 'sole proprietor']),
  -- Kinds of region.
  (10, ARRAY['обл', 'область', 'oblast', 'obl', 'region', 'регион']),
  (11, ARRAY['край', 'krai', 'kray', 'territory']),
  (12, ARRAY['республика', 'respublika', 'republic', 'рб', 'рф']),
  (13, ARRAY['г', 'город', 'gorod', 'city']),
  (14, ARRAY['беларусь', 'белоруссия', 'belarus', 'belorussia', 'byelorussia']),
  (15, ARRAY['россия', 'российская федерация', 'russia', 'russian federation']),
  -- Kinds of organization and their usual words.
  (20, ARRAY['вуз', 'vuz', 'университет', 'university', 'higher education']),
  (21, ARRAY['сп', 'jv', 'joint venture', 'совместное предприятие']),
  (22, ARRAY['завод', 'plant', 'factory', 'фабрика', 'works']),
  -- Products and trades the registry's records name in one language and are looked for in the other.
  (30, ARRAY['сеялка', 'seeder', 'seed drill']),
  (31, ARRAY['комбайн', 'harvester', 'combine']),
  (32, ARRAY['трактор', 'tractor']),
  (33, ARRAY['сахар', 'sugar']),
  (34, ARRAY['молоко', 'молочный', 'milk', 'dairy']),
  (35, ARRAY['мясо', 'мясной', 'meat']),
  (36, ARRAY['программное обеспечение', 'software', 'программный', 'софт']),
  (37, ARRAY['лекарство', 'лекарственный', 'фармацевтический', 'pharmaceutical', 'drug', 'medicine']),
  (38, ARRAY['удобрение', 'fertilizer', 'fertiliser']),
  (39, ARRAY['логистика', 'logistics', 'грузоперевозка', 'freight']),
  (40, ARRAY['энергия', 'энергетика', 'electricity', 'energy', 'электроэнергия']),
  (41, ARRAY['горный', 'горнодобывающий', 'mining', 'добыча']),
  (42, ARRAY['строительство', 'строительный', 'construction', 'building']),
  (43, ARRAY['химия', 'химический', 'chemical', 'chemistry']),
  (44, ARRAY['подшипник', 'bearing']),
  (45, ARRAY['мебель', 'furniture'])
) AS g(id, words), unnest(g.words) AS w;

-- The words for each kind of organization in both languages, part of its document.
CREATE FUNCTION interregio_kind_words(kind "OrganizationKind") RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
RETURN CASE kind
  WHEN 'university' THEN 'university университет вуз vuz institute институт academy академия higher education высшее образование'
  WHEN 'enterprise' THEN 'enterprise предприятие company компания plant завод factory фабрика'
  WHEN 'joint_venture' THEN 'joint venture совместное предприятие сп jv'
END;

-- ---- An organization's context: region, country, kind and sectors ----

-- tsvectors concatenated over rows (an organization's sectors).
CREATE AGGREGATE interregio_tsvector_agg(tsvector) (SFUNC = tsvector_concat, STYPE = tsvector, INITCOND = '');

-- A sector's names in both languages, stemmed: computed once per sector, not once per organization.
ALTER TABLE "sectors" ADD COLUMN "search_vector" tsvector GENERATED ALWAYS AS (
  to_tsvector('russian', interregio_fold("name_ru")) || to_tsvector('english', interregio_fold("name_en"))
) STORED;

-- The words for each kind of organization, as a tsvector.
CREATE FUNCTION interregio_kind_vector(kind "OrganizationKind") RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
RETURN to_tsvector('russian', interregio_kind_words(kind));

-- What an organization is found by beyond its own text: its region's document (names in both languages,
-- romanised, other names) and its country's (the country-level region, else the country's names), weight C;
-- the words for its kind, C; its sectors' and their sections' names, D. Built from vectors the regions and
-- sectors already hold, so that writing an organization costs little more than before.
-- PL/pgSQL, not SQL: a trigger calls it once per row, and PL/pgSQL keeps its plans for the session where a SQL
-- function would be planned again at every call (a third of a millisecond a row).
CREATE FUNCTION interregio_organization_context(organization_id int, region_id int, kind "OrganizationKind") RETURNS tsvector
LANGUAGE plpgsql STABLE PARALLEL SAFE AS $$
DECLARE
  place tsvector;
  trades tsvector;
BEGIN
  SELECT r.search_vector || coalesce(
           (SELECT cr.search_vector FROM regions cr WHERE cr.level = 'country' AND cr.country_code = r.country_code AND cr.id <> r.id LIMIT 1),
           (SELECT to_tsvector('russian', interregio_fold(c.name_ru)) || to_tsvector('english', interregio_fold(c.name_en)) FROM countries c WHERE c.code = r.country_code),
           '')
    INTO place
    FROM regions r WHERE r.id = interregio_organization_context.region_id;
  SELECT interregio_tsvector_agg(s.search_vector || coalesce(p.search_vector, ''))
    INTO trades
    FROM organization_sectors os JOIN sectors s ON s.code = os.sector_code LEFT JOIN sectors p ON p.code = s.section_code
   WHERE os.organization_id = interregio_organization_context.organization_id;
  RETURN setweight(coalesce(place, ''), 'C') || setweight(interregio_kind_vector(kind), 'C') || setweight(coalesce(trades, ''), 'D');
END $$;

-- An organization's whole document: its own words (the same expression as the generated search_vector, which
-- the search box's suggestions and the pickers read alone) and its context. A column of its own, kept by triggers,
-- so that the search reads one stored vector instead of joining two at every row.
ALTER TABLE "organizations" ADD COLUMN "search_document" tsvector NOT NULL DEFAULT ''::tsvector;

CREATE FUNCTION interregio_organization_own_vector(
  name text, name_en text, other_names text[], registration_number text,
  description_en text, description_ru text, products text, fields_of_study text[]
) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN setweight(to_tsvector('russian', interregio_fold(name)), 'A') ||
    setweight(to_tsvector('english', interregio_fold(coalesce(name_en, ''))), 'A') ||
    setweight(to_tsvector('simple', interregio_romanize(name || ' ' || coalesce(name_en, '') || ' ' || interregio_join(other_names))), 'A') ||
    setweight(to_tsvector('simple', coalesce(registration_number, '')), 'A') ||
    setweight(to_tsvector('russian', interregio_fold(interregio_join(other_names))), 'B') ||
    setweight(to_tsvector('english', interregio_fold(coalesce(description_en, '') || ' ' || coalesce(products, ''))), 'D') ||
    setweight(to_tsvector('russian', interregio_fold(coalesce(description_ru, '') || ' ' || interregio_join(fields_of_study))), 'D');

-- An organization's own row: its document as it is written (a generated column is not computed yet in a BEFORE
-- trigger, hence the function above; its sectors follow in their own statement).
CREATE FUNCTION interregio_organization_document_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.search_document := interregio_organization_own_vector(NEW.name, NEW.name_en, NEW.other_names, NEW.registration_number,
                           NEW.description_en, NEW.description_ru, NEW.products, NEW.fields_of_study)
                      || interregio_organization_context(NEW.id, NEW.region_id, NEW.kind);
  RETURN NEW;
END $$;
CREATE TRIGGER "organizations_search_document" BEFORE INSERT OR UPDATE OF "name", "name_en", "other_names", "registration_number",
  "description_en", "description_ru", "products", "fields_of_study", "region_id", "kind" ON "organizations"
  FOR EACH ROW EXECUTE FUNCTION interregio_organization_document_row();

-- Its sectors: one update per statement for the organizations whose sectors changed.
CREATE FUNCTION interregio_sectors_document() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Each branch names only the transition tables its event has: a statement naming a missing one fails.
  IF TG_OP = 'INSERT' THEN
    UPDATE organizations o SET search_document = o.search_vector || interregio_organization_context(o.id, o.region_id, o.kind)
     WHERE o.id IN (SELECT organization_id FROM new_rows);
  ELSIF TG_OP = 'DELETE' THEN
    UPDATE organizations o SET search_document = o.search_vector || interregio_organization_context(o.id, o.region_id, o.kind)
     WHERE o.id IN (SELECT organization_id FROM old_rows);
  ELSE
    UPDATE organizations o SET search_document = o.search_vector || interregio_organization_context(o.id, o.region_id, o.kind)
     WHERE o.id IN (SELECT organization_id FROM old_rows UNION SELECT organization_id FROM new_rows);
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER "organization_sectors_document_insert" AFTER INSERT ON "organization_sectors"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION interregio_sectors_document();
CREATE TRIGGER "organization_sectors_document_update" AFTER UPDATE ON "organization_sectors"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION interregio_sectors_document();
CREATE TRIGGER "organization_sectors_document_delete" AFTER DELETE ON "organization_sectors"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION interregio_sectors_document();

-- A region renamed (or given other names): its organizations' context follows; a country-level region's, every
-- organization of its country (a rare edit of reference data, that rewrites half the registry).
CREATE FUNCTION interregio_region_document() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.search_vector IS DISTINCT FROM NEW.search_vector OR OLD.level IS DISTINCT FROM NEW.level THEN
    UPDATE organizations o SET search_document = o.search_vector || interregio_organization_context(o.id, o.region_id, o.kind)
     WHERE o.region_id = NEW.id OR (NEW.level = 'country' OR OLD.level = 'country') AND o.country_code = NEW.country_code;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER "regions_search_document" AFTER UPDATE ON "regions" FOR EACH ROW EXECUTE FUNCTION interregio_region_document();

-- ---- Fill both for the records already there ----

UPDATE organizations o SET search_document = o.search_vector || interregio_organization_context(o.id, o.region_id, o.kind);
CREATE INDEX "organizations_search_document_idx" ON "organizations" USING gin ("search_document");

-- Counts every word anew from the live records: for the records already there, and after a TRUNCATE (which
-- fires no row or DELETE triggers; a restore with --force empties the tables so).
CREATE FUNCTION interregio_recount_search_words() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM search_words WHERE NOT vocabulary;
  UPDATE search_words SET documents = 0 WHERE documents <> 0;
  PERFORM interregio_count_words(ARRAY(SELECT interregio_organization_names(name, name_en, other_names) FROM organizations WHERE archived_at IS NULL), 1);
  PERFORM interregio_count_words(ARRAY(SELECT name_ru || ' ' || name_en || ' ' || interregio_join(other_names) FROM regions WHERE archived_at IS NULL), 1);
  PERFORM interregio_count_words(ARRAY(SELECT title_ru || ' ' || title_en FROM meetings WHERE archived_at IS NULL), 1);
END $$;
CREATE FUNCTION interregio_recount_search_words_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM interregio_recount_search_words();
  RETURN NULL;
END $$;
CREATE TRIGGER "organizations_words_truncate" AFTER TRUNCATE ON "organizations" FOR EACH STATEMENT EXECUTE FUNCTION interregio_recount_search_words_trigger();
CREATE TRIGGER "regions_words_truncate" AFTER TRUNCATE ON "regions" FOR EACH STATEMENT EXECUTE FUNCTION interregio_recount_search_words_trigger();
CREATE TRIGGER "meetings_words_truncate" AFTER TRUNCATE ON "meetings" FOR EACH STATEMENT EXECUTE FUNCTION interregio_recount_search_words_trigger();

SELECT interregio_recount_search_words();

-- Both tables are derived (kept by the triggers above, and reference data of this migration): backups leave them
-- out (lib/backup/catalog.ts reads these comments), and a restore fills them again through the triggers.
COMMENT ON TABLE "search_words" IS 'Derived: the words of the searchable names, kept by triggers; not backed up.';
COMMENT ON TABLE "search_synonyms" IS 'Derived: reference data written by its migration; not backed up.';

-- The vocabulary (kinds, sectors, synonyms) is corrected against too, and stays when no name holds it.
INSERT INTO search_words (word, stem, vocabulary)
SELECT DISTINCT w, interregio_stem(w), true
  FROM (SELECT interregio_kind_words(k) AS t FROM unnest(enum_range(NULL::"OrganizationKind")) AS k
        UNION ALL SELECT name_en || ' ' || name_ru FROM sectors
        UNION ALL SELECT word FROM search_synonyms) AS v, unnest(interregio_words(v.t)) AS w
ON CONFLICT (word) DO UPDATE SET vocabulary = true;

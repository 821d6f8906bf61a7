-- Search across organizations, regions and meetings, and the indexes a registry of 100,000 organizations needs.
--
-- Each searchable table gets two generated columns, so that every writer (the app, the seed, a bulk load)
-- keeps them right without knowing about them:
--   search_vector  tsvector: Russian stemming on Russian fields, English on English ones, and the romanised
--                  names unstemmed ('simple'), so that "Kursk" finds "Курская область" and the reverse;
--   search_latin   the romanised, case-folded names, for trigram matching of typos and prefixes.
-- Romanisation follows BGN/PCGN (the spelling English-language sources use: Kursk, Khabarovsk, Gomselmash),
-- simplified for matching: soft and hard signs and apostrophes are dropped, ё is е.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Case folding that does not depend on the database's locale: under LC_CTYPE=C (the embedded default),
-- lower() leaves Cyrillic alone, and the text search parser takes every non-ASCII character for a letter, so
-- that «Гомсельмаш» would be one word with its quotes. Typographic quotes and dashes become spaces.
CREATE FUNCTION interregio_fold(value text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
RETURN replace(
  lower(translate(value, 'АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯІЎЄЇҐ«»„“”‹›–—…№', 'абвгдеёжзийклмнопрстуфхцчшщъыьэюяіўєїґ           ')),
  'ё', 'е'
);

-- Romanised and folded: 'Гомсельмаш' -> 'gomselmash', 'Курская область' -> 'kurskaya oblast'.
CREATE FUNCTION interregio_romanize(value text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
RETURN translate(
  replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(
    interregio_fold(value),
    'щ', 'shch'), 'ж', 'zh'), 'х', 'kh'), 'ц', 'ts'), 'ч', 'ch'), 'ш', 'sh'),
    'ю', 'yu'), 'я', 'ya'), 'є', 'ye'), 'ї', 'yi'), 'ь', ''),
  'абвгдезийклмнопрстуфыэіўґъ''’ʼ`',
  'abvgdeziyklmnoprstufyeiwg'
);

-- array_to_string is only STABLE in general; for text[] it is immutable, which generated columns need.
CREATE FUNCTION interregio_join(value text[]) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN coalesce(array_to_string(value, ' '), '');

ALTER TABLE "organizations"
  ADD COLUMN "search_latin" text GENERATED ALWAYS AS (
    interregio_romanize("name" || ' ' || coalesce("name_en", '') || ' ' || interregio_join("other_names"))
  ) STORED,
  ADD COLUMN "search_vector" tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('russian', interregio_fold("name")), 'A') ||
    setweight(to_tsvector('english', interregio_fold(coalesce("name_en", ''))), 'A') ||
    setweight(to_tsvector('simple', interregio_romanize("name" || ' ' || coalesce("name_en", '') || ' ' || interregio_join("other_names"))), 'A') ||
    setweight(to_tsvector('simple', coalesce("registration_number", '')), 'A') ||
    setweight(to_tsvector('russian', interregio_fold(interregio_join("other_names"))), 'B') ||
    setweight(to_tsvector('english', interregio_fold(coalesce("description_en", '') || ' ' || coalesce("products", ''))), 'D') ||
    setweight(to_tsvector('russian', interregio_fold(coalesce("description_ru", '') || ' ' || interregio_join("fields_of_study"))), 'D')
  ) STORED;

ALTER TABLE "regions"
  ADD COLUMN "search_latin" text GENERATED ALWAYS AS (
    interregio_romanize("name_ru" || ' ' || "name_en")
  ) STORED,
  ADD COLUMN "search_vector" tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('russian', interregio_fold("name_ru")), 'A') ||
    setweight(to_tsvector('english', interregio_fold("name_en")), 'A') ||
    setweight(to_tsvector('simple', interregio_romanize("name_ru" || ' ' || "name_en")), 'A') ||
    setweight(to_tsvector('simple', lower(coalesce("iso_code", ''))), 'A')
  ) STORED;

ALTER TABLE "meetings"
  ADD COLUMN "search_latin" text GENERATED ALWAYS AS (
    interregio_romanize("title_ru" || ' ' || "title_en")
  ) STORED,
  ADD COLUMN "search_vector" tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('russian', interregio_fold("title_ru")), 'A') ||
    setweight(to_tsvector('english', interregio_fold("title_en")), 'A') ||
    setweight(to_tsvector('simple', interregio_romanize("title_ru" || ' ' || "title_en")), 'A') ||
    setweight(to_tsvector('russian', interregio_fold(coalesce("place_ru", ''))), 'B') ||
    setweight(to_tsvector('english', interregio_fold(coalesce("place_en", ''))), 'B') ||
    setweight(to_tsvector('russian', interregio_fold(coalesce("summary_ru", ''))), 'C') ||
    setweight(to_tsvector('english', interregio_fold(coalesce("summary_en", ''))), 'C')
  ) STORED;

CREATE INDEX "organizations_search_vector_idx" ON "organizations" USING gin ("search_vector");
CREATE INDEX "organizations_search_latin_idx" ON "organizations" USING gin ("search_latin" gin_trgm_ops);
CREATE INDEX "regions_search_vector_idx" ON "regions" USING gin ("search_vector");
CREATE INDEX "regions_search_latin_idx" ON "regions" USING gin ("search_latin" gin_trgm_ops);
CREATE INDEX "meetings_search_vector_idx" ON "meetings" USING gin ("search_vector");
CREATE INDEX "meetings_search_latin_idx" ON "meetings" USING gin ("search_latin" gin_trgm_ops);

-- Browsing: the live records in the order the lists show them. Names sort by the name the reader sees:
-- the English name (else the registered one) in English, the registered name in Russian.
CREATE INDEX "organizations_live_name_ru_idx" ON "organizations" ("name", "id") WHERE "archived_at" IS NULL;
CREATE INDEX "organizations_live_name_en_idx" ON "organizations" ((coalesce("name_en", "name")), "id") WHERE "archived_at" IS NULL;
CREATE INDEX "organizations_live_kind_name_ru_idx" ON "organizations" ("kind", "name", "id") WHERE "archived_at" IS NULL;
CREATE INDEX "organizations_live_kind_name_en_idx" ON "organizations" ("kind", (coalesce("name_en", "name")), "id") WHERE "archived_at" IS NULL;
CREATE INDEX "organizations_founded_year_idx" ON "organizations" ("founded_year");
CREATE INDEX "organizations_capital_amount_idx" ON "organizations" ("capital_amount") WHERE "kind" = 'joint_venture';
CREATE INDEX "organizations_country_code_idx" ON "organizations" ("country_code");
CREATE INDEX "organizations_region_id_name_idx" ON "organizations" ("region_id", "name", "id") WHERE "archived_at" IS NULL;
CREATE INDEX "organization_sectors_sector_code_org_idx" ON "organization_sectors" ("sector_code", "organization_id");
CREATE INDEX "sectors_section_code_idx" ON "sectors" ("section_code");
CREATE INDEX "joint_venture_partners_partner_organization_id_idx" ON "joint_venture_partners" ("partner_organization_id");
CREATE INDEX "joint_venture_partners_partner_region_id_idx" ON "joint_venture_partners" ("partner_region_id");
CREATE INDEX "meetings_live_date_idx" ON "meetings" ("date" DESC, "id" DESC) WHERE "archived_at" IS NULL;
CREATE INDEX "meetings_level_idx" ON "meetings" ("level");
CREATE INDEX "discussion_links_live_meeting_idx" ON "discussion_links" ("meeting_id", "id") WHERE "archived_at" IS NULL;
CREATE INDEX "commitment_parties_organization_id_idx" ON "commitment_parties" ("organization_id");
CREATE INDEX "commitment_parties_region_id_idx" ON "commitment_parties" ("region_id");
CREATE INDEX "commitment_follow_ups_meeting_id_idx" ON "commitment_follow_ups" ("meeting_id");
CREATE INDEX "trade_figures_partner_region_id_idx" ON "trade_figures" ("partner_region_id");
CREATE INDEX "regions_country_code_idx" ON "regions" ("country_code");
CREATE INDEX "regions_parent_id_idx" ON "regions" ("parent_id");

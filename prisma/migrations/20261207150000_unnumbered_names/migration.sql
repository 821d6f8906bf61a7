-- The likely duplicates of a new organization with a registration number are searched among the live
-- organizations without one (one with another number is another legal entity): this trigram index holds only
-- those, a fifth of the registry or less, so the search reads a fifth of the posting lists it read in the whole
-- index (the import's preview searches for thousands of new organizations).
CREATE INDEX "organizations_unnumbered_search_latin_idx" ON "organizations" USING gin ("search_latin" gin_trgm_ops)
  WHERE "registration_number" IS NULL AND "archived_at" IS NULL;

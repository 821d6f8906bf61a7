-- The search at 100,000 organizations (issue 17's speed target). Every word for an organization's kind is in tens
-- of thousands of documents, and a typed word whose synonyms are among them ("завод": plant, factory, фабрика, all
-- in the 60,000 enterprises' documents) made the full-text index walk each of those long lists. The enterprises' kind
-- words now hold one word of that synonym group (search_synonyms), "завод": the search expands a typed or corrected
-- word to its group, so "plant" still finds every enterprise through "завод", and a query with quotes, `or` or
-- `-word` rewrites the words left out to "that word or завод" (interregio_kind_rewrite, called by lib/search/sql.ts).
-- Matching is unchanged; only the index's work is less. (The universities' words stay as they were: fewer of their
-- positions lowered the rank of universities found by their kind below the judged set's level.)
CREATE OR REPLACE FUNCTION interregio_kind_words(kind "OrganizationKind") RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
RETURN CASE kind
  WHEN 'university' THEN 'university университет вуз vuz institute институт academy академия higher education высшее образование'
  WHEN 'enterprise' THEN 'enterprise предприятие company компания завод'
  WHEN 'joint_venture' THEN 'joint venture совместное предприятие сп jv'
END;

-- A query with quotes, `or` or `-word` (websearch_to_tsquery, in the Russian configuration and romanised in the
-- simple one) with each word left out above made "that word or завод", so that "-plant" still leaves out every
-- enterprise.
CREATE FUNCTION interregio_kind_rewrite(query tsquery) RETURNS tsquery
LANGUAGE sql STABLE PARALLEL SAFE STRICT
RETURN ts_rewrite(query, $$
  SELECT DISTINCT t.target, t.target || plainto_tsquery('russian', 'завод')
    FROM unnest(ARRAY['plant', 'factory', 'фабрика']) AS w,
         LATERAL (VALUES (plainto_tsquery('russian', w)), (plainto_tsquery('simple', interregio_romanize(w)))) AS t(target)
$$);

UPDATE organizations o SET search_document = o.search_vector || interregio_organization_context(o.id, o.region_id, o.kind)
 WHERE o.kind = 'enterprise';

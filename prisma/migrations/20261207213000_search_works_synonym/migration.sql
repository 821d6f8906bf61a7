-- "works" leaves the plant/factory/завод synonym group. Synonyms are found by stem, and "works" stems to "work":
-- a search for "working" or "work" was widened to every enterprise, and every search for "завод", "plant" or
-- "factory" also walked the 18,000 documents holding "work" (descriptions saying "working") in the full-text
-- index, a third of such a search's time at 100,000 organizations. Every enterprise keeps "завод" among its kind
-- words, so "завод" still finds "Minsk Tractor Works"; "works" itself finds names holding it, as any word does.
DELETE FROM search_synonyms WHERE word = 'works';

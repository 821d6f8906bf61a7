-- A source document's title in Russian, beside the title as filed (`source_title`, in English or as published):
-- the Russian briefing pack cites a source by its Russian title where the record has one.
ALTER TABLE "meetings" ADD COLUMN "source_title_ru" VARCHAR(300);
ALTER TABLE "trade_figures" ADD COLUMN "source_title_ru" VARCHAR(300);

-- The demo scenario's source (prisma/demo-meetings.ts), for registries seeded before this column.
UPDATE "meetings" SET "source_title_ru" = 'Сообщение о встрече Президента Беларуси с губернатором Курской области, 10 марта 2015 года'
WHERE "source_title" = 'Report of the meeting of the President of Belarus with the Governor of Kursk Oblast, 10 March 2015';
UPDATE "trade_figures" SET "source_title_ru" = 'Сообщение о встрече Президента Беларуси с губернатором Курской области, 10 марта 2015 года'
WHERE "source_title" = 'Report of the meeting of the President of Belarus with the Governor of Kursk Oblast, 10 March 2015';

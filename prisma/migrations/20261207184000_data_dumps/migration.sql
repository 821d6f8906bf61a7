-- The full download (/api/v1/dump.zip), built in the background and kept here so that every instance serves the
-- same file: one row per build, its bytes in 1 MiB chunks. A build is served only once complete (sha256 and
-- size set in the same statement that completes it); the previous one is kept until a newer one is complete.
CREATE TABLE "data_dumps" (
    "id" SERIAL NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completed_at" TIMESTAMPTZ(3),
    "registry_updated_at" TIMESTAMPTZ(3),
    "size_bytes" BIGINT,
    "sha256" CHAR(64),

    CONSTRAINT "data_dumps_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "data_dumps_complete_check" CHECK (
        ("completed_at" IS NULL AND "size_bytes" IS NULL AND "sha256" IS NULL)
        OR ("completed_at" IS NOT NULL AND "size_bytes" >= 0 AND "sha256" ~ '^[0-9a-f]{64}$'))
);

CREATE TABLE "data_dump_chunks" (
    "dump_id" INTEGER NOT NULL,
    "seq" INTEGER NOT NULL,
    "bytes" BYTEA NOT NULL,

    CONSTRAINT "data_dump_chunks_pkey" PRIMARY KEY ("dump_id","seq"),
    CONSTRAINT "data_dump_chunks_seq_check" CHECK ("seq" >= 0)
);

CREATE INDEX "data_dumps_completed_at_idx" ON "data_dumps"("completed_at");

ALTER TABLE "data_dump_chunks" ADD CONSTRAINT "data_dump_chunks_dump_id_fkey" FOREIGN KEY ("dump_id") REFERENCES "data_dumps"("id") ON DELETE CASCADE ON UPDATE CASCADE;

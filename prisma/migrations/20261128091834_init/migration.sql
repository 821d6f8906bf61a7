-- CreateEnum
CREATE TYPE "Role" AS ENUM ('admin', 'editor');

-- CreateEnum
CREATE TYPE "RegionLevel" AS ENUM ('country', 'region', 'city');

-- CreateEnum
CREATE TYPE "OrganizationKind" AS ENUM ('enterprise', 'university', 'joint_venture');

-- CreateEnum
CREATE TYPE "OrganizationStatus" AS ENUM ('planned', 'active', 'closed');

-- CreateEnum
CREATE TYPE "MeetingLevel" AS ENUM ('head_of_state', 'government', 'regional', 'agency', 'business_forum');

-- CreateEnum
CREATE TYPE "CommitmentStatus" AS ENUM ('proposed', 'agreed', 'in_progress', 'fulfilled', 'lapsed');

-- CreateEnum
CREATE TYPE "SectorLevel" AS ENUM ('section', 'division');

-- CreateTable
CREATE TABLE "countries" (
    "code" CHAR(2) NOT NULL,
    "name_en" VARCHAR(200) NOT NULL,
    "name_ru" VARCHAR(200) NOT NULL,

    CONSTRAINT "countries_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "sectors" (
    "code" VARCHAR(2) NOT NULL,
    "level" "SectorLevel" NOT NULL,
    "section_code" VARCHAR(1),
    "name_en" VARCHAR(300) NOT NULL,
    "name_ru" VARCHAR(300) NOT NULL,

    CONSTRAINT "sectors_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "users" (
    "id" SERIAL NOT NULL,
    "email" VARCHAR(254) NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "role" "Role" NOT NULL,
    "password_hash" TEXT NOT NULL,
    "disabled_at" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_by_id" INTEGER,
    "updated_by_id" INTEGER,
    "archived_at" TIMESTAMP(3),

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "regions" (
    "id" SERIAL NOT NULL,
    "slug" VARCHAR(120) NOT NULL,
    "name_en" VARCHAR(200) NOT NULL,
    "name_ru" VARCHAR(200) NOT NULL,
    "iso_code" VARCHAR(6),
    "level" "RegionLevel" NOT NULL,
    "country_code" CHAR(2) NOT NULL,
    "parent_id" INTEGER,
    "is_demo" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_by_id" INTEGER,
    "updated_by_id" INTEGER,
    "archived_at" TIMESTAMP(3),

    CONSTRAINT "regions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "organizations" (
    "id" SERIAL NOT NULL,
    "slug" VARCHAR(160) NOT NULL,
    "kind" "OrganizationKind" NOT NULL,
    "name" VARCHAR(300) NOT NULL,
    "name_en" VARCHAR(300),
    "other_names" TEXT[],
    "region_id" INTEGER NOT NULL,
    "country_code" CHAR(2) NOT NULL,
    "status" "OrganizationStatus" NOT NULL,
    "founded_year" INTEGER,
    "website" VARCHAR(500),
    "description_en" VARCHAR(2000),
    "description_ru" VARCHAR(2000),
    "registration_number" VARCHAR(20),
    "capital_amount" DECIMAL(18,2),
    "capital_currency" CHAR(3),
    "products" VARCHAR(1000),
    "fields_of_study" TEXT[],
    "is_demo" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_by_id" INTEGER,
    "updated_by_id" INTEGER,
    "archived_at" TIMESTAMP(3),

    CONSTRAINT "organizations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "organization_sectors" (
    "organization_id" INTEGER NOT NULL,
    "sector_code" VARCHAR(2) NOT NULL,
    "is_primary" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "organization_sectors_pkey" PRIMARY KEY ("organization_id","sector_code")
);

-- CreateTable
CREATE TABLE "joint_venture_partners" (
    "id" SERIAL NOT NULL,
    "venture_id" INTEGER NOT NULL,
    "partner_organization_id" INTEGER,
    "partner_region_id" INTEGER,
    "share_percent" DECIMAL(5,2) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_by_id" INTEGER,
    "updated_by_id" INTEGER,
    "archived_at" TIMESTAMP(3),

    CONSTRAINT "joint_venture_partners_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "meetings" (
    "id" SERIAL NOT NULL,
    "slug" VARCHAR(160) NOT NULL,
    "title_en" VARCHAR(300) NOT NULL,
    "title_ru" VARCHAR(300) NOT NULL,
    "date" DATE NOT NULL,
    "place_en" VARCHAR(200),
    "place_ru" VARCHAR(200),
    "level" "MeetingLevel" NOT NULL,
    "summary_en" VARCHAR(4000),
    "summary_ru" VARCHAR(4000),
    "source_title" VARCHAR(300),
    "source_url" VARCHAR(500),
    "is_demo" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_by_id" INTEGER,
    "updated_by_id" INTEGER,
    "archived_at" TIMESTAMP(3),

    CONSTRAINT "meetings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "meeting_regions" (
    "meeting_id" INTEGER NOT NULL,
    "region_id" INTEGER NOT NULL,

    CONSTRAINT "meeting_regions_pkey" PRIMARY KEY ("meeting_id","region_id")
);

-- CreateTable
CREATE TABLE "meeting_participants" (
    "id" SERIAL NOT NULL,
    "meeting_id" INTEGER NOT NULL,
    "sort_order" INTEGER NOT NULL DEFAULT 0,
    "person_en" VARCHAR(200) NOT NULL,
    "person_ru" VARCHAR(200) NOT NULL,
    "role_en" VARCHAR(300),
    "role_ru" VARCHAR(300),
    "side_region_id" INTEGER,

    CONSTRAINT "meeting_participants_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "meeting_statements" (
    "id" SERIAL NOT NULL,
    "meeting_id" INTEGER NOT NULL,
    "sort_order" INTEGER NOT NULL DEFAULT 0,
    "speaker_en" VARCHAR(200),
    "speaker_ru" VARCHAR(200),
    "text_en" VARCHAR(2000) NOT NULL,
    "text_ru" VARCHAR(2000) NOT NULL,

    CONSTRAINT "meeting_statements_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "discussion_links" (
    "id" SERIAL NOT NULL,
    "meeting_id" INTEGER NOT NULL,
    "organization_id" INTEGER,
    "region_id" INTEGER,
    "note" VARCHAR(2000) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_by_id" INTEGER,
    "updated_by_id" INTEGER,
    "archived_at" TIMESTAMP(3),

    CONSTRAINT "discussion_links_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "commitments" (
    "id" SERIAL NOT NULL,
    "meeting_id" INTEGER NOT NULL,
    "text_en" VARCHAR(2000) NOT NULL,
    "text_ru" VARCHAR(2000) NOT NULL,
    "due_date" DATE,
    "status" "CommitmentStatus" NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_by_id" INTEGER,
    "updated_by_id" INTEGER,
    "archived_at" TIMESTAMP(3),

    CONSTRAINT "commitments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "commitment_parties" (
    "id" SERIAL NOT NULL,
    "commitment_id" INTEGER NOT NULL,
    "organization_id" INTEGER,
    "region_id" INTEGER,

    CONSTRAINT "commitment_parties_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "commitment_follow_ups" (
    "commitment_id" INTEGER NOT NULL,
    "meeting_id" INTEGER NOT NULL,
    "note" VARCHAR(2000),

    CONSTRAINT "commitment_follow_ups_pkey" PRIMARY KEY ("commitment_id","meeting_id")
);

-- CreateTable
CREATE TABLE "trade_figures" (
    "id" SERIAL NOT NULL,
    "region_id" INTEGER NOT NULL,
    "partner_region_id" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "turnover_usd" DECIMAL(18,2) NOT NULL,
    "exports_usd" DECIMAL(18,2),
    "imports_usd" DECIMAL(18,2),
    "source_title" VARCHAR(300) NOT NULL,
    "source_url" VARCHAR(500),
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_by_id" INTEGER,
    "updated_by_id" INTEGER,
    "archived_at" TIMESTAMP(3),

    CONSTRAINT "trade_figures_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_events" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor_id" INTEGER,
    "action" VARCHAR(60) NOT NULL,
    "entity_type" VARCHAR(60) NOT NULL,
    "entity_id" VARCHAR(60) NOT NULL,
    "before" JSONB,
    "after" JSONB,

    CONSTRAINT "audit_events_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

-- CreateIndex
CREATE UNIQUE INDEX "regions_slug_key" ON "regions"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "regions_iso_code_key" ON "regions"("iso_code");

-- CreateIndex
CREATE UNIQUE INDEX "regions_id_country_code_key" ON "regions"("id", "country_code");

-- CreateIndex
CREATE UNIQUE INDEX "organizations_slug_key" ON "organizations"("slug");

-- CreateIndex
CREATE INDEX "organizations_region_id_idx" ON "organizations"("region_id");

-- CreateIndex
CREATE INDEX "organizations_kind_idx" ON "organizations"("kind");

-- CreateIndex
CREATE UNIQUE INDEX "organizations_country_code_registration_number_key" ON "organizations"("country_code", "registration_number");

-- CreateIndex
CREATE INDEX "organization_sectors_sector_code_idx" ON "organization_sectors"("sector_code");

-- CreateIndex
CREATE INDEX "joint_venture_partners_venture_id_idx" ON "joint_venture_partners"("venture_id");

-- CreateIndex
CREATE UNIQUE INDEX "meetings_slug_key" ON "meetings"("slug");

-- CreateIndex
CREATE INDEX "meetings_date_idx" ON "meetings"("date");

-- CreateIndex
CREATE INDEX "meeting_regions_region_id_idx" ON "meeting_regions"("region_id");

-- CreateIndex
CREATE INDEX "meeting_participants_meeting_id_idx" ON "meeting_participants"("meeting_id");

-- CreateIndex
CREATE INDEX "meeting_statements_meeting_id_idx" ON "meeting_statements"("meeting_id");

-- CreateIndex
CREATE INDEX "discussion_links_meeting_id_idx" ON "discussion_links"("meeting_id");

-- CreateIndex
CREATE INDEX "discussion_links_organization_id_idx" ON "discussion_links"("organization_id");

-- CreateIndex
CREATE INDEX "discussion_links_region_id_idx" ON "discussion_links"("region_id");

-- CreateIndex
CREATE INDEX "commitments_meeting_id_idx" ON "commitments"("meeting_id");

-- CreateIndex
CREATE UNIQUE INDEX "commitment_parties_commitment_id_organization_id_region_id_key" ON "commitment_parties"("commitment_id", "organization_id", "region_id");

-- CreateIndex
CREATE UNIQUE INDEX "trade_figures_region_id_partner_region_id_year_key" ON "trade_figures"("region_id", "partner_region_id", "year");

-- CreateIndex
CREATE INDEX "audit_events_entity_type_entity_id_idx" ON "audit_events"("entity_type", "entity_id");

-- CreateIndex
CREATE INDEX "audit_events_at_idx" ON "audit_events"("at");

-- AddForeignKey
ALTER TABLE "sectors" ADD CONSTRAINT "sectors_section_code_fkey" FOREIGN KEY ("section_code") REFERENCES "sectors"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "regions" ADD CONSTRAINT "regions_country_code_fkey" FOREIGN KEY ("country_code") REFERENCES "countries"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "regions" ADD CONSTRAINT "regions_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "regions"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "organizations" ADD CONSTRAINT "organizations_region_id_country_code_fkey" FOREIGN KEY ("region_id", "country_code") REFERENCES "regions"("id", "country_code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "organizations" ADD CONSTRAINT "organizations_country_code_fkey" FOREIGN KEY ("country_code") REFERENCES "countries"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "organization_sectors" ADD CONSTRAINT "organization_sectors_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "organization_sectors" ADD CONSTRAINT "organization_sectors_sector_code_fkey" FOREIGN KEY ("sector_code") REFERENCES "sectors"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "joint_venture_partners" ADD CONSTRAINT "joint_venture_partners_venture_id_fkey" FOREIGN KEY ("venture_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "joint_venture_partners" ADD CONSTRAINT "joint_venture_partners_partner_organization_id_fkey" FOREIGN KEY ("partner_organization_id") REFERENCES "organizations"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "joint_venture_partners" ADD CONSTRAINT "joint_venture_partners_partner_region_id_fkey" FOREIGN KEY ("partner_region_id") REFERENCES "regions"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "meeting_regions" ADD CONSTRAINT "meeting_regions_meeting_id_fkey" FOREIGN KEY ("meeting_id") REFERENCES "meetings"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "meeting_regions" ADD CONSTRAINT "meeting_regions_region_id_fkey" FOREIGN KEY ("region_id") REFERENCES "regions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "meeting_participants" ADD CONSTRAINT "meeting_participants_meeting_id_fkey" FOREIGN KEY ("meeting_id") REFERENCES "meetings"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "meeting_participants" ADD CONSTRAINT "meeting_participants_side_region_id_fkey" FOREIGN KEY ("side_region_id") REFERENCES "regions"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "meeting_statements" ADD CONSTRAINT "meeting_statements_meeting_id_fkey" FOREIGN KEY ("meeting_id") REFERENCES "meetings"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "discussion_links" ADD CONSTRAINT "discussion_links_meeting_id_fkey" FOREIGN KEY ("meeting_id") REFERENCES "meetings"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "discussion_links" ADD CONSTRAINT "discussion_links_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "discussion_links" ADD CONSTRAINT "discussion_links_region_id_fkey" FOREIGN KEY ("region_id") REFERENCES "regions"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "discussion_links" ADD CONSTRAINT "discussion_links_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_meeting_id_fkey" FOREIGN KEY ("meeting_id") REFERENCES "meetings"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "commitment_parties" ADD CONSTRAINT "commitment_parties_commitment_id_fkey" FOREIGN KEY ("commitment_id") REFERENCES "commitments"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "commitment_parties" ADD CONSTRAINT "commitment_parties_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "commitment_parties" ADD CONSTRAINT "commitment_parties_region_id_fkey" FOREIGN KEY ("region_id") REFERENCES "regions"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "commitment_follow_ups" ADD CONSTRAINT "commitment_follow_ups_commitment_id_fkey" FOREIGN KEY ("commitment_id") REFERENCES "commitments"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "commitment_follow_ups" ADD CONSTRAINT "commitment_follow_ups_meeting_id_fkey" FOREIGN KEY ("meeting_id") REFERENCES "meetings"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "trade_figures" ADD CONSTRAINT "trade_figures_region_id_fkey" FOREIGN KEY ("region_id") REFERENCES "regions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "trade_figures" ADD CONSTRAINT "trade_figures_partner_region_id_fkey" FOREIGN KEY ("partner_region_id") REFERENCES "regions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Constraints beyond the Prisma schema language ------------------------------------------------------

ALTER TABLE "countries" ADD CONSTRAINT "countries_code_check" CHECK ("code" ~ '^[A-Z]{2}$');
ALTER TABLE "sectors" ADD CONSTRAINT "sectors_level_check" CHECK (
  ("level" = 'section' AND "code" ~ '^[A-U]$' AND "section_code" IS NULL)
  OR ("level" = 'division' AND "code" ~ '^[0-9]{2}$' AND "section_code" IS NOT NULL));

ALTER TABLE "users" ADD CONSTRAINT "users_email_lower_check" CHECK ("email" = lower("email"));

ALTER TABLE "regions" ADD CONSTRAINT "regions_slug_check" CHECK ("slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$');
ALTER TABLE "regions" ADD CONSTRAINT "regions_parent_check" CHECK ("parent_id" IS NULL OR "parent_id" <> "id");

ALTER TABLE "organizations" ADD CONSTRAINT "organizations_slug_check" CHECK ("slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$');
ALTER TABLE "organizations" ADD CONSTRAINT "organizations_founded_year_check"
  CHECK ("founded_year" IS NULL OR "founded_year" BETWEEN 1700 AND 2100);
ALTER TABLE "organizations" ADD CONSTRAINT "organizations_capital_check"
  CHECK ("capital_amount" IS NULL OR "capital_amount" >= 0);
ALTER TABLE "organizations" ADD CONSTRAINT "organizations_capital_currency_check"
  CHECK ("capital_currency" IS NULL OR "capital_currency" ~ '^[A-Z]{3}$');
ALTER TABLE "organizations" ADD CONSTRAINT "organizations_name_check" CHECK (btrim("name") <> '');

ALTER TABLE "meetings" ADD CONSTRAINT "meetings_slug_check" CHECK ("slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$');

ALTER TABLE "joint_venture_partners" ADD CONSTRAINT "joint_venture_partners_share_check"
  CHECK ("share_percent" >= 0 AND "share_percent" <= 100);
ALTER TABLE "joint_venture_partners" ADD CONSTRAINT "joint_venture_partners_one_partner_check"
  CHECK (num_nonnulls("partner_organization_id", "partner_region_id") = 1);
ALTER TABLE "joint_venture_partners" ADD CONSTRAINT "joint_venture_partners_not_itself_check"
  CHECK ("partner_organization_id" IS DISTINCT FROM "venture_id");

ALTER TABLE "discussion_links" ADD CONSTRAINT "discussion_links_one_entity_check"
  CHECK (num_nonnulls("organization_id", "region_id") = 1);
ALTER TABLE "commitment_parties" ADD CONSTRAINT "commitment_parties_one_entity_check"
  CHECK (num_nonnulls("organization_id", "region_id") = 1);

ALTER TABLE "trade_figures" ADD CONSTRAINT "trade_figures_year_check" CHECK ("year" BETWEEN 1990 AND 2100);
ALTER TABLE "trade_figures" ADD CONSTRAINT "trade_figures_amounts_check" CHECK (
  "turnover_usd" >= 0 AND ("exports_usd" IS NULL OR "exports_usd" >= 0) AND ("imports_usd" IS NULL OR "imports_usd" >= 0));
ALTER TABLE "trade_figures" ADD CONSTRAINT "trade_figures_partner_check" CHECK ("partner_region_id" <> "region_id");

ALTER TABLE "users" ADD CONSTRAINT "users_version_check" CHECK ("version" >= 1);
ALTER TABLE "regions" ADD CONSTRAINT "regions_version_check" CHECK ("version" >= 1);
ALTER TABLE "organizations" ADD CONSTRAINT "organizations_version_check" CHECK ("version" >= 1);
ALTER TABLE "joint_venture_partners" ADD CONSTRAINT "joint_venture_partners_version_check" CHECK ("version" >= 1);
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_version_check" CHECK ("version" >= 1);
ALTER TABLE "discussion_links" ADD CONSTRAINT "discussion_links_version_check" CHECK ("version" >= 1);
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_version_check" CHECK ("version" >= 1);
ALTER TABLE "trade_figures" ADD CONSTRAINT "trade_figures_version_check" CHECK ("version" >= 1);

-- One live link per meeting and entity: an archived (removed) link does not block a new one.
CREATE UNIQUE INDEX "discussion_links_live_organization_key"
  ON "discussion_links" ("meeting_id", "organization_id") WHERE "archived_at" IS NULL AND "organization_id" IS NOT NULL;
CREATE UNIQUE INDEX "discussion_links_live_region_key"
  ON "discussion_links" ("meeting_id", "region_id") WHERE "archived_at" IS NULL AND "region_id" IS NOT NULL;

-- One primary sector per organization.
CREATE UNIQUE INDEX "organization_sectors_one_primary_key"
  ON "organization_sectors" ("organization_id") WHERE "is_primary";

-- The live shares of one joint venture add up to at most 100, and only joint ventures have partners.
-- The body is an E'' string with \x3B for each semicolon: Prisma's driver-adapter engine splits scripts
-- at every semicolon, and this keeps the migration one statement per split for both engines.
CREATE FUNCTION "check_joint_venture_shares"() RETURNS trigger LANGUAGE plpgsql AS E'
DECLARE
  total numeric\x3B
  venture_kind "OrganizationKind"\x3B
BEGIN
  SELECT "kind" INTO venture_kind FROM "organizations" WHERE "id" = NEW."venture_id"\x3B
  IF venture_kind IS DISTINCT FROM ''joint_venture'' THEN
    RAISE EXCEPTION ''organization % is not a joint venture'', NEW."venture_id" USING ERRCODE = ''check_violation''\x3B
  END IF\x3B
  SELECT coalesce(sum("share_percent"), 0) INTO total
    FROM "joint_venture_partners" WHERE "venture_id" = NEW."venture_id" AND "archived_at" IS NULL\x3B
  IF total > 100 THEN
    RAISE EXCEPTION ''shares of joint venture % add up to %, more than 100'', NEW."venture_id", total
      USING ERRCODE = ''check_violation''\x3B
  END IF\x3B
  RETURN NULL\x3B
END';

CREATE CONSTRAINT TRIGGER "joint_venture_partners_share_sum"
  AFTER INSERT OR UPDATE ON "joint_venture_partners"
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION "check_joint_venture_shares"();

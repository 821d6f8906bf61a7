-- Accounts and hardening: session versions, sign-in throttling kept in PostgreSQL, one-time password resets,
-- and the audit log's account events.

-- A session carries the version it was issued at; disabling an account, changing its role or password and
-- signing out bump it, and every request checks it, so copies of the old token stop working at once.
ALTER TABLE "users" ADD COLUMN "session_version" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "users" ADD COLUMN "must_change_password" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "users" ADD COLUMN "password_changed_at" TIMESTAMP(3);
ALTER TABLE "users" ADD CONSTRAINT "users_session_version_check" CHECK ("session_version" >= 1);

-- Every sign-in attempt, by account (the email as typed, folded) and by client address: the throttle counts
-- recent failures here, so that it holds across several app instances.
CREATE TABLE "sign_in_attempts" (
    "id" BIGSERIAL NOT NULL,
    "email" VARCHAR(254) NOT NULL,
    "client_address" VARCHAR(64) NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "succeeded" BOOLEAN NOT NULL,
    CONSTRAINT "sign_in_attempts_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "sign_in_attempts_email_at_idx" ON "sign_in_attempts" ("email", "at");
CREATE INDEX "sign_in_attempts_client_address_at_idx" ON "sign_in_attempts" ("client_address", "at");

-- A one-time link to set a new password: only the SHA-256 of its token is kept; used once, then void.
CREATE TABLE "password_reset_tokens" (
    "id" SERIAL NOT NULL,
    "user_id" INTEGER NOT NULL,
    "token_hash" CHAR(64) NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMP(3) NOT NULL,
    "used_at" TIMESTAMP(3),
    "created_by_id" INTEGER,
    CONSTRAINT "password_reset_tokens_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "password_reset_tokens_token_hash_key" ON "password_reset_tokens" ("token_hash");
CREATE INDEX "password_reset_tokens_user_id_idx" ON "password_reset_tokens" ("user_id");
ALTER TABLE "password_reset_tokens" ADD CONSTRAINT "password_reset_tokens_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "password_reset_tokens" ADD CONSTRAINT "password_reset_tokens_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Account events join the record verbs (lib/audit.ts types them).
ALTER TABLE "audit_events" DROP CONSTRAINT "audit_events_action_check";
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_action_check"
  CHECK ("action" ~ '^[a-z_]+\.(create|update|archive|restore|sign_in|sign_in_failed|lockout|sign_out|role_change|password_change|password_reset|disable|enable)$'
         AND split_part("action", '.', 1) = "entity_type");

import "server-only";
import { redirect } from "next/navigation";
import { z } from "zod";
import { RecordId, Version } from "@/lib/actions/fields";
import { Prisma } from "@/lib/generated/prisma/client";
import { changesSince, recordAuditEvent, recordAuditEvents, type AuditEntityType, type Snapshot } from "@/lib/audit";
import { db, type Tx } from "@/lib/db/client";
import { ActionRefusal, staffAction, VersionConflict } from "@/lib/actions/staff-action";
import { paths, type StaffRecordType } from "@/lib/paths";
import type { CurrentUser } from "@/lib/auth/session";

/**
 * The write path every editable record shares: lock the row, check the version the form started from, apply
 * the change, bump the version, and append the audit event with the record before and after, all inside the
 * caller's transaction. A concurrent save of the same version waits on the row lock, then finds the version
 * moved and loses with a VersionConflict that lists what the winner changed.
 */

const tables: Record<AuditEntityType, string> = {
  region: "regions",
  organization: "organizations",
  meeting: "meetings",
  commitment: "commitments",
  trade_figure: "trade_figures",
  discussion_link: "discussion_links",
  user: "users",
};

/** Reads a record as the audit log keeps it; must include `version` and `archived`. */
export type SnapshotReader = (tx: Tx, id: number) => Promise<(Snapshot & { version: number; archived: boolean }) | null>;

/** `SnapshotReader` of many records at once; a missing id is left out. */
export type SnapshotsReader = (tx: Tx, ids: readonly number[]) => Promise<Map<number, Snapshot & { version: number; archived: boolean }>>;

/** Many snapshots read one by one, for a record type without a query for many. */
export const snapshotsOneByOne =
  (snapshot: SnapshotReader): SnapshotsReader =>
  async (tx, ids) => {
    const found = new Map<number, Snapshot & { version: number; archived: boolean }>();
    for (const id of ids) {
      const one = await snapshot(tx, id);
      if (one) found.set(id, one);
    }
    return found;
  };

type Change = {
  type: AuditEntityType;
  id: number;
  /** The version the editor's form started from. */
  version: number;
  user: Pick<CurrentUser, "id">;
  snapshot: SnapshotReader;
  /** The spreadsheet import making the change, named on its audit event (lib/import). */
  importBatchId?: number;
};

/** Locks a record's row for the rest of the transaction and reads its version and whether it is archived; null if there is none. */
export async function lockVersion(tx: Tx, type: AuditEntityType, id: number) {
  const rows = await tx.$queryRaw<{ version: number; archived: boolean }[]>(
    Prisma.sql`SELECT version, archived_at IS NOT NULL AS archived FROM ${Prisma.raw(tables[type])} WHERE id = ${id} FOR UPDATE`,
  );
  return rows[0] ?? null;
}

/**
 * `lockVersion` of many records of one type in one query (an import's chunk), locked in id order as concurrent
 * writers of the same records would lock them; a missing id is left out.
 */
export async function lockVersions(tx: Tx, type: AuditEntityType, ids: readonly number[]) {
  const rows = await tx.$queryRaw<{ id: number; version: number; archived: boolean }[]>(
    Prisma.sql`SELECT id, version, archived_at IS NOT NULL AS archived FROM ${Prisma.raw(tables[type])}
                WHERE id = ANY(${[...ids]}::int[]) ORDER BY id FOR UPDATE`,
  );
  return new Map(rows.map(({ id, ...row }) => [id, row]));
}

/** `bumpVersion` of many records of one type in one statement. */
export async function bumpVersions(tx: Tx, type: AuditEntityType, ids: readonly number[], userId: number, archived?: boolean) {
  if (ids.length === 0) return;
  await tx.$executeRaw(
    Prisma.sql`UPDATE ${Prisma.raw(tables[type])} SET version = version + 1, updated_at = now(), updated_by_id = ${userId}${archiving(archived)}
                WHERE id = ANY(${[...ids]}::int[])`,
  );
}

const archiving = (archived: boolean | undefined) =>
  archived === undefined ? Prisma.empty : archived ? Prisma.sql`, archived_at = now()` : Prisma.sql`, archived_at = NULL`;

/** The conflict a save from `change.version` meets when the record is at `version`: with what the winner changed. */
export async function versionConflict(tx: Tx, change: Pick<Change, "type" | "id" | "version" | "snapshot">, version: number) {
  const current = await change.snapshot(tx, change.id);
  return new VersionConflict(version, current ? await changesSince(tx, change.type, change.id, change.version, current) : []);
}

async function bumpVersion(tx: Tx, type: AuditEntityType, id: number, userId: number, archived?: boolean) {
  await tx.$executeRaw(
    Prisma.sql`UPDATE ${Prisma.raw(tables[type])} SET version = version + 1, updated_at = now(), updated_by_id = ${userId}${archiving(archived)} WHERE id = ${id}`,
  );
}

async function checkVersion(tx: Tx, change: Change) {
  const row = await lockVersion(tx, change.type, change.id);
  if (!row) throw new ActionRefusal({ message: "recordMissing" });
  if (row.version !== change.version) throw await versionConflict(tx, change, row.version);
  return row;
}

/** Updates a record: `apply` writes the fields and replaces the child rows; the rest is done here. `note` goes on the audit event. */
export async function updateVersioned(tx: Tx, change: Change & { apply: (tx: Tx) => Promise<void>; note?: string | null }) {
  const row = await checkVersion(tx, change);
  if (row.archived) throw new ActionRefusal({ message: "recordArchived" });
  const before = await change.snapshot(tx, change.id);
  await change.apply(tx);
  await bumpVersion(tx, change.type, change.id, change.user.id);
  const after = await change.snapshot(tx, change.id);
  await recordAuditEvent(tx, {
    actorId: change.user.id,
    action: `${change.type}.update`,
    entityId: change.id,
    before,
    after,
    note: change.note,
    importBatchId: change.importBatchId,
  });
  return after!;
}

/** Archives (takes off the public pages) or restores a record, versioned and audited like an edit. */
export async function setArchived(tx: Tx, change: Change & { archived: boolean }) {
  const row = await checkVersion(tx, change);
  if (row.archived === change.archived) throw new ActionRefusal({ message: change.archived ? "recordArchived" : "recordLive" });
  const before = await change.snapshot(tx, change.id);
  await bumpVersion(tx, change.type, change.id, change.user.id, change.archived);
  const after = await change.snapshot(tx, change.id);
  await recordAuditEvent(tx, {
    actorId: change.user.id,
    action: `${change.type}.${change.archived ? "archive" : "restore"}`,
    entityId: change.id,
    before,
    after,
    importBatchId: change.importBatchId,
  });
  return after!;
}

/**
 * `setArchived` of many records of one type (an import's undo), set-based: the same checks (the first record that
 * fails one is refused, as one by one), versions and audit events, in a few statements for all of them.
 */
export async function setArchivedMany(
  tx: Tx,
  change: Omit<Change, "id" | "version" | "snapshot"> & {
    records: readonly { id: number; version: number }[];
    snapshots: SnapshotsReader;
    archived: boolean;
  },
) {
  const { type, records, user, snapshots, archived } = change;
  const ids = records.map((record) => record.id);
  const locked = await lockVersions(tx, type, ids);
  for (const { id, version } of records) {
    const row = locked.get(id);
    if (!row) throw new ActionRefusal({ message: "recordMissing" });
    const snapshot: SnapshotReader = async (tx, id) => (await snapshots(tx, [id])).get(id) ?? null;
    if (row.version !== version) throw await versionConflict(tx, { type, id, version, snapshot }, row.version);
    if (row.archived === archived) throw new ActionRefusal({ message: archived ? "recordArchived" : "recordLive" });
  }
  const before = await snapshots(tx, ids);
  await bumpVersions(tx, type, ids, user.id, archived);
  const after = await snapshots(tx, ids);
  await recordAuditEvents(
    tx,
    ids.map((id) => ({
      actorId: user.id,
      action: `${type}.${archived ? "archive" : "restore"}` as const,
      entityId: id,
      before: before.get(id),
      after: after.get(id),
      importBatchId: change.importBatchId,
    })),
  );
}

/** Records the creation of a record that `create` wrote, with its first snapshot. */
export async function recordCreated(
  tx: Tx,
  type: AuditEntityType,
  id: number,
  user: Pick<CurrentUser, "id">,
  snapshot: SnapshotReader,
  importBatchId?: number,
) {
  const after = await snapshot(tx, id);
  await recordAuditEvent(tx, { actorId: user.id, action: `${type}.create`, entityId: id, after, importBatchId });
  return after!;
}

/** What an edit writes: `apply` runs under the row lock, after the version check; `note` goes on the audit event. */
type Edit<Seen> = {
  /** Writes the change; returns what the pages to refresh need when `read` would not find it all (the old slugs too). */
  apply: (tx: Tx) => Promise<Seen | void>;
  note?: string | null;
};

/**
 * The actions of one record type's edit pages, said once, for editors and admins. Each runs in one
 * transaction (`transaction`, by default the client's own), then `refresh`es the pages that show the record,
 * with what `read` finds in that transaction (its slugs) or what the edit returned, and goes to the edit page
 * with the outcome (`?saved=`). The creation, each edit and each archiving are audited (see above). A refusal
 * of the create and edit forms may carry an `Extra` for them.
 */
export function recordActions<Seen, Extra extends object = object>(record: {
  type: AuditEntityType;
  page: StaffRecordType;
  snapshot: SnapshotReader;
  read: (tx: Tx, id: number) => Promise<Seen>;
  refresh: (seen: Seen) => void;
  transaction?: <T>(write: (tx: Tx) => Promise<T>) => Promise<T>;
}) {
  const transaction = record.transaction ?? (<T>(write: (tx: Tx) => Promise<T>) => db().$transaction(write));
  const finish = (id: number, seen: Seen, saved: "created" | "updated" | "archived" | "restored") => {
    record.refresh(seen);
    redirect(paths.staff.edit(record.page, id, { saved }));
  };
  type Options<Schema extends z.ZodType> = { schema: Schema; unique?: Record<string, { field: string; message: string }> };

  return {
    /** A new record: `write` checks and writes it with its child rows, and returns its id. */
    create<Schema extends z.ZodType>(
      options: Options<Schema>,
      write: (tx: Tx, data: z.output<Schema>, user: CurrentUser) => Promise<number>,
    ) {
      return staffAction<Schema, undefined, Extra>({ roles: ["editor"], ...options }, async (data, { user }) => {
        const { id, seen } = await transaction(async (tx) => {
          const id = await write(tx, data, user);
          await recordCreated(tx, record.type, id, user, record.snapshot);
          return { id, seen: await record.read(tx, id) };
        });
        finish(id, seen, "created");
      });
    },

    /**
     * An edit from the version the form started from (the schema has `version`): `edit` makes the checks that
     * need no lock and says what to write (see `updateVersioned`).
     */
    update<Schema extends z.ZodType<{ version: number }>>(
      options: Options<Schema>,
      edit: (tx: Tx, data: z.output<Schema>, context: { id: number; user: CurrentUser }) => Promise<Edit<Seen>>,
    ) {
      return staffAction<Schema, typeof RecordId, Extra>(
        { roles: ["editor"], bound: RecordId, ...options },
        async (data, { user, bound: id }) => {
          const seen = await transaction(async (tx) => {
            const change = await edit(tx, data, { id, user });
            const written: { seen?: Seen | void } = {};
            const apply = async (tx: Tx) => {
              written.seen = await change.apply(tx);
            };
            await updateVersioned(tx, {
              type: record.type,
              id,
              version: data.version,
              user,
              snapshot: record.snapshot,
              apply,
              note: change.note,
            });
            return written.seen ?? (await record.read(tx, id));
          });
          finish(id, seen, "updated");
        },
      );
    },

    /** Takes the record off the public pages, from the version the page showed; its record and history stay. */
    archive: archiving(true),
    /** Brings an archived record back to the public pages. */
    restore: archiving(false),
  };

  function archiving(archived: boolean) {
    return staffAction(
      { roles: ["editor"], schema: z.object({ version: Version }), bound: RecordId },
      async (data, { user, bound: id }) => {
        const seen = await transaction(async (tx) => {
          await setArchived(tx, { type: record.type, id, version: data.version, user, snapshot: record.snapshot, archived });
          return record.read(tx, id);
        });
        finish(id, seen, archived ? "archived" : "restored");
      },
    );
  }
}

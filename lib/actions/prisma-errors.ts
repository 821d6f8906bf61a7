import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";

/**
 * The name of the unique constraint or index a write violated, or null when the error is something else.
 * Through the pg driver adapter Prisma reports it under `meta.driverAdapterError.cause.constraint.index`;
 * the native engine's `meta.target` is read too, so either runtime maps the same way.
 */
export function violatedUniqueConstraint(error: unknown): string | null {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== "P2002") return null;
  const meta = error.meta as
    { target?: unknown; driverAdapterError?: { cause?: { constraint?: { index?: string; fields?: string[] } } } } | undefined;
  const constraint = meta?.driverAdapterError?.cause?.constraint;
  if (constraint?.index) return constraint.index;
  if (typeof meta?.target === "string") return meta.target;
  return "unknown";
}

/** The PostgreSQL SQLSTATE of a raised error (check violations, trigger exceptions), if any. */
export function databaseErrorCode(error: unknown): string | null {
  const meta = (error as { meta?: { driverAdapterError?: { cause?: { originalCode?: string } } }; code?: string } | null)?.meta;
  return meta?.driverAdapterError?.cause?.originalCode ?? null;
}

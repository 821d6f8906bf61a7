import type { ReactNode } from "react";
import Link from "next/link";

/** No rows for these filters: say so, and offer the way back to a list that has some. */
export function EmptyResults({ title, hint, clearHref, clearLabel }: { title: ReactNode; hint: ReactNode; clearHref?: string; clearLabel?: string }) {
  return (
    <div role="status" className="border-l-8 border-brand bg-panel px-4 py-3 my-4 max-w-3xl">
      <p className="font-bold">{title}</p>
      <p>{hint}</p>
      {clearHref && clearLabel && (
        <p className="mt-2">
          <Link href={clearHref}>{clearLabel}</Link>
        </p>
      )}
    </div>
  );
}

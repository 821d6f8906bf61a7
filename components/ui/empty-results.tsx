import type { ReactNode } from "react";
import Link from "next/link";

export type RelaxLink = { label: string; href: string };

/**
 * No rows for these filters: say so, and offer the ways back to a list that has some: the same view without
 * one of its filters (`relax`), or without any (`clearHref`).
 */
export function EmptyResults({
  title,
  hint,
  relax = [],
  clearHref,
  clearLabel,
}: {
  title: ReactNode;
  hint: ReactNode;
  relax?: RelaxLink[];
  clearHref?: string;
  clearLabel?: string;
}) {
  return (
    <div role="status" className="my-4 max-w-3xl border-l-8 border-brand bg-panel px-4 py-3">
      <p className="font-bold">{title}</p>
      <p>{hint}</p>
      {relax.length > 1 && (
        <ul className="mt-2 list-disc pl-6">
          {relax.map((link) => (
            <li key={link.href}>
              <Link href={link.href}>{link.label}</Link>
            </li>
          ))}
        </ul>
      )}
      {clearHref && clearLabel && (
        <p className="mt-2">
          <Link href={clearHref}>{clearLabel}</Link>
        </p>
      )}
    </div>
  );
}

import type { ReactNode } from "react";

export function PageHeading({ caption, children, lead }: { caption?: ReactNode; children: ReactNode; lead?: ReactNode }) {
  return (
    <div className="mb-8">
      {caption && <p className="mb-1 text-lg text-muted">{caption}</p>}
      <h1 className="text-3xl leading-tight font-bold sm:text-4xl">{children}</h1>
      {lead && <p className="mt-4 max-w-3xl text-xl">{lead}</p>}
    </div>
  );
}

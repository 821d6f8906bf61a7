import type { ReactNode } from "react";

export function Tag({
  children,
  tone = "grey",
  title,
}: {
  children: ReactNode;
  tone?: "grey" | "blue" | "green" | "yellow";
  title?: string;
}) {
  const tones = {
    grey: "bg-[#eeefef] text-[#383f43]",
    blue: "bg-[#d2e2f1] text-[#0c2d4a]",
    green: "bg-[#cce2d8] text-[#005a30]",
    yellow: "bg-[#fff7bf] text-[#594d00]",
  };
  return (
    <strong title={title} className={`inline-block px-2 py-0.5 text-base font-bold ${tones[tone]}`}>
      {children}
    </strong>
  );
}

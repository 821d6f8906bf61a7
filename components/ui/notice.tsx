import type { ReactNode } from "react";

export function Notice({ children, tone = "info" }: { children: ReactNode; tone?: "info" | "success" | "error" }) {
  const border = { info: "border-brand", success: "border-ok", error: "border-danger" }[tone];
  return (
    <div role={tone === "error" ? "alert" : "status"} className={`border-l-8 ${border} my-4 max-w-3xl bg-panel px-4 py-3`}>
      {children}
    </div>
  );
}

export function Muted({ children }: { children: ReactNode }) {
  return <p className="text-muted">{children}</p>;
}

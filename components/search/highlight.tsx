import { splitHighlights } from "@/lib/search/schema";

/** Text from ts_headline with the matched words as <mark>; the text itself is never read as HTML. */
export function Highlight({ text }: { text: string }) {
  return (
    <>
      {splitHighlights(text).map((part, i) =>
        part.match ? (
          <mark key={i} className="bg-[#fff7bf] font-bold text-ink">
            {part.text}
          </mark>
        ) : (
          part.text
        ),
      )}
    </>
  );
}

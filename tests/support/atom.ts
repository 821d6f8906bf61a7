import { SaxesParser } from "saxes";

/** Atom feeds read back for the tests: strictly, so that a malformed document fails. */

type Parsed = { title: string; entries: { title: string; link: string; updated: string }[] };

/** Parses an Atom document strictly (a malformed one throws): the feed's title and its entries. */
export function parseAtom(xml: string): Parsed {
  const parser = new SaxesParser({ xmlns: true });
  const parsed: Parsed = { title: "", entries: [] };
  const path: string[] = [];
  let text = "";
  parser.on("error", (error) => {
    throw error;
  });
  parser.on("opentag", (tag) => {
    path.push(tag.local);
    text = "";
    if (tag.local === "entry") parsed.entries.push({ title: "", link: "", updated: "" });
    if (tag.local === "link" && path.at(-2) === "entry") parsed.entries.at(-1)!.link = String(tag.attributes.href?.value ?? "");
  });
  parser.on("text", (chunk) => (text += chunk));
  parser.on("cdata", (chunk) => (text += chunk));
  parser.on("closetag", (tag) => {
    const inEntry = path.at(-2) === "entry";
    if (tag.local === "title" && inEntry) parsed.entries.at(-1)!.title = text.trim();
    else if (tag.local === "title" && path.at(-2) === "feed") parsed.title = text.trim();
    if (tag.local === "updated" && inEntry) parsed.entries.at(-1)!.updated = text.trim();
    path.pop();
  });
  parser.write(xml).close();
  return parsed;
}

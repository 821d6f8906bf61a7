/** The visible link to a list's Atom feed, carrying the list's current filters (its page's `<link rel="alternate">` too). */
export function FeedLink({ href, label }: { href: string; label: string }) {
  return (
    <p className="mb-4 text-base">
      <a href={href} type="application/atom+xml">
        {label}
      </a>
    </p>
  );
}

export function SimplePagination({ page, pageCount, hrefFor }: { page: number; pageCount: number; hrefFor: (page: number) => string }) {
  if (pageCount <= 1) return null;
  return (
    <nav className="mt-6 flex gap-6">
      {page > 1 && <a href={hrefFor(page - 1)}>Previous</a>}
      {page < pageCount && <a href={hrefFor(page + 1)}>Next</a>}
    </nav>
  );
}

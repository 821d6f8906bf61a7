/** Links to a list as files, Excel first; plain links, so the browser downloads them itself. */
export function ExportLinks({ links }: { links: { href: string; label: string }[] }) {
  return (
    <ul className="mt-4 flex flex-wrap gap-x-6">
      {links.map((link) => (
        <li key={link.href}>
          <a href={link.href} download>
            {link.label}
          </a>
        </li>
      ))}
    </ul>
  );
}

import Link from "next/link";

export type Tab = { label: string; href: string; current: boolean };

/** A row of tabs that are links, so the chosen one lives in the URL and a shared link opens it. */
export function TabNav({ label, tabs }: { label: string; tabs: Tab[] }) {
  return (
    <nav aria-label={label} className="flex gap-1 border-b border-zinc-200 dark:border-zinc-800">
      {tabs.map((tab) => (
        <Link
          key={tab.href}
          href={tab.href}
          aria-current={tab.current ? "page" : undefined}
          className="-mb-px border-b-2 border-transparent px-3 py-2 text-zinc-600 hover:text-zinc-900 aria-[current=page]:border-sky-700 aria-[current=page]:font-medium aria-[current=page]:text-sky-800 dark:text-zinc-400 dark:aria-[current=page]:text-sky-300"
        >
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}

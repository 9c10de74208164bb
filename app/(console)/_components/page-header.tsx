import Link from "next/link";
import type { ReactNode } from "react";

export function PageHeader({ title, description, tabs, actions }: { title: string; description?: string; tabs?: { label: string; href: string; current: boolean }[]; actions?: ReactNode }) {
  return (
    <header className="mb-5">
      <div className="flex items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">{title}</h1>
          {description && <p className="mt-1 text-zinc-500">{description}</p>}
        </div>
        {actions}
      </div>
      {tabs && (
        <nav aria-label={`${title} sections`} className="mt-4 flex gap-1 border-b border-zinc-200 dark:border-zinc-800">
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
      )}
    </header>
  );
}

import type { ReactNode } from "react";
import { TabNav, type Tab } from "./tab-nav";

export function PageHeader({ title, description, tabs, actions }: { title: string; description?: string; tabs?: Tab[]; actions?: ReactNode }) {
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
        <div className="mt-4">
          <TabNav label={`${title} sections`} tabs={tabs} />
        </div>
      )}
    </header>
  );
}

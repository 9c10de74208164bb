"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { signOut } from "next-auth/react";
import { navigation } from "./navigation";

export function Sidebar({ username, isStaff }: { username: string; isStaff: boolean }) {
  const pathname = usePathname();
  const isActive = (href: string) => (href === "/" ? pathname === "/" : pathname.startsWith(href));
  return (
    <nav aria-label="Main" className="flex w-56 shrink-0 flex-col border-r border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
      <div className="px-4 py-4 text-lg font-semibold">Rackpilot</div>
      <ul className="flex-1 space-y-0.5 px-2">
        {navigation
          .filter((item) => !item.staffOnly || isStaff)
          .map((item) => (
            <li key={item.href}>
              {item.comingSoon ? (
                <span className="flex justify-between rounded-md px-3 py-1.5 text-zinc-400" aria-disabled="true">
                  {item.label} <span className="text-xs">soon</span>
                </span>
              ) : (
                <Link
                  href={item.href}
                  aria-current={isActive(item.href) ? "page" : undefined}
                  className="block rounded-md px-3 py-1.5 hover:bg-zinc-100 aria-[current=page]:bg-sky-50 aria-[current=page]:font-medium aria-[current=page]:text-sky-800 dark:hover:bg-zinc-800 dark:aria-[current=page]:bg-sky-950 dark:aria-[current=page]:text-sky-200"
                >
                  {item.label}
                </Link>
              )}
            </li>
          ))}
      </ul>
      <div className="border-t border-zinc-200 p-4 dark:border-zinc-800">
        <div className="mb-2 truncate text-zinc-500" title={username}>
          Signed in as <span className="font-medium text-zinc-800 dark:text-zinc-200">{username}</span>
        </div>
        <button type="button" className="btn w-full" onClick={() => signOut({ callbackUrl: "/login" })}>
          Sign out
        </button>
      </div>
    </nav>
  );
}

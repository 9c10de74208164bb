import { useId, type ReactNode } from "react";

/** One part of a pool's page (its servers, its switches), with the failure of its last action above it. */
export function PoolSection({ title, failure, children }: { title: string; failure: string | null; children: ReactNode }) {
  const id = useId();
  return (
    <section aria-labelledby={id} className="space-y-2">
      <h2 id={id} className="text-lg font-semibold">
        {title}
      </h2>
      {failure && (
        <p role="alert" className="rounded-md bg-red-50 p-2 text-red-800 dark:bg-red-950 dark:text-red-200">
          {failure}
        </p>
      )}
      {children}
    </section>
  );
}

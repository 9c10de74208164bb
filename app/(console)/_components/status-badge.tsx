type Tone = "green" | "red" | "amber" | "grey" | "blue";

/** The console's one status vocabulary: each state has one colour on every page. */
const TONE_OF: Record<string, Tone> = {
  compliant: "green",
  succeeded: "green",
  ready: "green",
  registered: "green",
  non_compliant: "red",
  failed: "red",
  error: "red",
  unknown: "amber",
  unreachable: "amber",
  partially_failed: "amber",
  not_applicable: "grey",
  discovered: "grey",
  pending: "grey",
  cancelled: "grey",
  running: "blue",
  scanning: "blue",
  // Remediation steps.
  sending: "blue",
  waiting: "blue",
  waiting_for_reset: "amber",
  skipped: "grey",
};

const TONE_CLASSES: Record<Tone, string> = {
  green: "bg-green-50 text-compliant ring-compliant/30 dark:bg-green-950 dark:text-green-300",
  red: "bg-red-50 text-non-compliant ring-non-compliant/30 dark:bg-red-950 dark:text-red-300",
  amber: "bg-amber-50 text-unknown ring-unknown/30 dark:bg-amber-950 dark:text-amber-300",
  grey: "bg-zinc-100 text-not-applicable ring-not-applicable/30 dark:bg-zinc-800 dark:text-zinc-300",
  blue: "bg-sky-50 text-sky-800 ring-sky-700/30 dark:bg-sky-950 dark:text-sky-300",
};

const LABELS: Record<string, string> = { non_compliant: "Non-compliant", not_applicable: "Not applicable" };

export function statusLabel(status: string): string {
  const words = status.replaceAll("_", " ");
  return LABELS[status] ?? words.charAt(0).toUpperCase() + words.slice(1);
}

/** The background, text and ring classes of a status's colour, for anything drawn in it (matrix cells). */
export function statusColorClasses(status: string): string {
  return TONE_CLASSES[TONE_OF[status] ?? "grey"];
}

/** A status as a small coloured label; work in progress pulses. */
export function StatusBadge({ status }: { status: string }) {
  const tone = TONE_OF[status] ?? "grey";
  return (
    <span className={`inline-flex items-center gap-1.5 rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset ${statusColorClasses(status)}`}>
      <span aria-hidden className={`size-1.5 rounded-full bg-current ${tone === "blue" ? "animate-pulse" : ""}`} />
      {statusLabel(status)}
    </span>
  );
}

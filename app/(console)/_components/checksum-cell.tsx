"use client";
import { useState } from "react";

/** A SHA-256 (an image, a certificate): the first 10 hex digits tell them apart at a glance; the full value is one click away. */
export function ChecksumCell({ checksum, name }: { checksum: string; name: string }) {
  const [copied, setCopied] = useState(false);
  async function copy() {
    await navigator.clipboard.writeText(checksum);
    setCopied(true);
    setTimeout(() => setCopied(false), 1500);
  }
  return (
    <span className="inline-flex items-center gap-1">
      <code title={checksum} className="font-mono text-xs">
        {checksum.slice(0, 10)}…
      </code>
      <button type="button" onClick={copy} aria-label={`Copy the SHA-256 of ${name}`} className="w-11 rounded px-1 text-xs text-sky-700 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-sky-600 dark:text-sky-400 dark:hover:bg-zinc-800">
        {copied ? "Copied" : "Copy"}
      </button>
    </span>
  );
}

"use client";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { ServerDto } from "~/server/services/servers/schemas";
import { useTRPC } from "../../_trpc/client";
import { toListPage } from "../_components/data-table/data-table";
import { Dialog } from "../_components/form/dialog";
import { firmwareTypeLabel } from "../firmware/firmware-types";
import { RemediateDialog } from "../requests/remediate-dialog";

/** Pick one binary of the server's vendor and model, then confirm its plan (the dry run) before it starts. */
export function UpdateFirmwareDialog({ server, onClose }: { server: ServerDto; onClose: () => void }) {
  const trpc = useTRPC();
  // The catalog filters by vendor; a binary with no models fits every model of its vendor.
  const ofVendor: Record<string, string> = { manufacturer: server.manufacturer, ordering: "firmware_type", page: "1", page_size: "1000" };
  const binaries = useQuery(trpc.firmware.list.queryOptions(ofVendor));
  const model = server.model.trim().toLowerCase();
  const rows = (toListPage(binaries.data)?.results ?? []).filter(
    (binary) => !binary.models.length || binary.models.some((name) => name.trim().toLowerCase() === model),
  );
  const [chosen, setChosen] = useState<string>("");
  const [confirming, setConfirming] = useState(false);
  if (confirming && chosen)
    return (
      <RemediateDialog
        ask={{ kind: "firmware", firmware: Number(chosen), servers: [server.id] }}
        title={`Update firmware of ${server.name}`}
        onClose={onClose}
      />
    );
  return (
    <Dialog open title={`Update firmware of ${server.name}`} onClose={onClose}>
      <label className="mb-4 block">
        <span className="mb-1 block text-zinc-600 dark:text-zinc-300">
          Binary for {server.manufacturer} {server.model}
        </span>
        <select aria-label="Firmware binary" className="input" value={chosen} onChange={(event) => setChosen(event.target.value)}>
          <option value="" disabled>
            {binaries.isLoading
              ? "Loading the catalog…"
              : rows.length
                ? "Choose a binary"
                : "The catalog holds no binary for this model — add one on the Firmware page."}
          </option>
          {rows.map((binary) => (
            <option key={binary.id} value={binary.id}>
              {firmwareTypeLabel(binary.firmware_type)}: {binary.name} {binary.version}
            </option>
          ))}
        </select>
      </label>
      <div className="flex justify-end gap-2">
        <button type="button" className="btn" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="btn-primary" disabled={!chosen} onClick={() => setConfirming(true)}>
          Show the plan
        </button>
      </div>
    </Dialog>
  );
}

"use client";
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "../../_trpc/client";
import { toListPage } from "../_components/data-table/data-table";
import { usePoolNames } from "../servers/use-pool-names";

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? "" : "s"}`;

/** What a request applies, to what, in names: "Baseline R750 Q1 on pool Rack 5", "Firmware iDRAC 7.10 on 2 servers". */
export function useRequestSubject() {
  const trpc = useTRPC();
  const baselines = toListPage(useQuery(trpc.firmwareBaselines.list.queryOptions({})).data)?.results ?? [];
  const binaries = toListPage(useQuery(trpc.firmware.list.queryOptions({})).data)?.results ?? [];
  const { poolName } = usePoolNames();
  const baselineName = new Map(baselines.map((baseline) => [baseline.id, baseline.name]));
  const binaryName = new Map(binaries.map((binary) => [binary.id, `${binary.name} ${binary.version}`]));
  return (data: Record<string, unknown>): string => {
    const servers = Array.isArray(data.servers) ? count(data.servers.length, "server") : "";
    const target = typeof data.pool === "number" ? `pool ${poolName(data.pool)}` : servers;
    const what =
      typeof data.baseline === "number"
        ? `Baseline ${baselineName.get(data.baseline) ?? `#${data.baseline}`}`
        : `Firmware ${binaryName.get(data.firmware as number) ?? `#${String(data.firmware)}`}`;
    return target ? `${what} on ${target}` : what;
  };
}

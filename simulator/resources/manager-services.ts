import type { Bmc, FlashRecord } from "../bmc/bmc";
import type { RequestContext } from "../http/reply";
import type { Route } from "../http/router";
import { collection, enabled, getRoute, isoDate, isoNow, missing, resource, type Body } from "./odata";
import { link, type Paths } from "./paths";

/** The manager's network services, as `ManagerNetworkProtocol` describes them. */
function networkProtocol(ctx: RequestContext, paths: Paths): Body {
  const { bmc } = ctx;
  const service = (port: number, enabled = true) => ({ ProtocolEnabled: enabled, Port: port });
  return resource(ctx, "ManagerNetworkProtocol", paths.networkProtocol, {
    Id: "NetworkProtocol",
    Name: "Manager Network Protocol",
    HostName: `bmc-${bmc.identity.hostName}`,
    FQDN: `bmc-${bmc.identity.hostName}.localdomain`,
    HTTP: service(80),
    HTTPS: service(443),
    SSH: service(22),
    IPMI: service(623),
    SNMP: service(161, false),
    KVMIP: service(5900),
    VirtualMedia: service(17988),
    SSDP: { ProtocolEnabled: false, Port: 1900, NotifyMulticastIntervalSeconds: 600 },
    NTP: { ProtocolEnabled: true, NTPServers: ["pool.ntp.org", ""] },
    Status: enabled,
  });
}

interface LogEntry {
  created: Date;
  severity: "OK" | "Warning" | "Critical";
  message: string;
}

function logMessage(record: FlashRecord): string {
  const image = record.imageUri ?? record.imageName;
  switch (record.outcome) {
    case "failed":
      return `Firmware update from ${image} failed: ${record.message ?? "unknown error"}`;
    case "ignored":
    case "already_present":
      return `Firmware update from ${image} not applied: ${record.message ?? ""}`;
    default:
      return `Firmware flashed (${record.type ?? "unknown"} ${record.toVersion ?? ""}).`;
  }
}

/** What the manager logged: its own start, and every firmware flash that finished. */
function logEntries(bmc: Bmc): LogEntry[] {
  const flashes = bmc.updates.history.flatMap((record): LogEntry[] =>
    record.finishedAt ? [{ created: record.finishedAt, severity: record.outcome === "applied" ? "OK" : "Warning", message: logMessage(record) }] : [],
  );
  const started: LogEntry[] = [
    { created: bmc.startedAt, severity: "OK", message: "Management controller started." },
    { created: bmc.startedAt, severity: "OK", message: "Server power restored." },
  ];
  return [...started, ...flashes];
}

export function managerServiceRoutes(paths: Paths): Route[] {
  const service = (bmc: Bmc) => `${paths.logServices}/${bmc.profile.ids.logService}`;
  const entries = (bmc: Bmc) => `${service(bmc)}/Entries`;
  const isService = (ctx: RequestContext) => ctx.params.id.toLowerCase() === ctx.bmc.profile.ids.logService.toLowerCase();
  return [
    getRoute(paths.networkProtocol, (ctx) => networkProtocol(ctx, paths)),
    getRoute(paths.logServices, (ctx) => collection(ctx, "LogService", paths.logServices, "Log Service Collection", [service(ctx.bmc)])),
    getRoute(`${paths.logServices}/:id`, (ctx) =>
      isService(ctx)
        ? resource(ctx, "LogService", service(ctx.bmc), {
            Id: ctx.bmc.profile.ids.logService,
            Name: "Manager Log Service",
            MaxNumberOfRecords: 1024,
            OverWritePolicy: "WrapsWhenFull",
            ServiceEnabled: true,
            DateTime: isoNow(),
            Entries: link(ctx.bmc, entries(ctx.bmc)),
            Status: enabled,
          })
        : missing(ctx),
    ),
    // Entries come inline, as iDRAC, XCC and bmcweb write them (clients such as Ansible read them so).
    getRoute(`${paths.logServices}/:id/Entries`, (ctx) => {
      if (!isService(ctx)) return missing(ctx);
      const body = collection(ctx, "LogEntry", entries(ctx.bmc), "Log Entry Collection", []);
      const members = logEntries(ctx.bmc).map((entry, i) => logEntry(ctx, `${entries(ctx.bmc)}/${i + 1}`, i + 1, entry));
      return { ...body, Members: members, "Members@odata.count": members.length };
    }),
    getRoute(`${paths.logServices}/:id/Entries/:entry`, (ctx) => {
      const found = logEntries(ctx.bmc)[Number(ctx.params.entry) - 1];
      if (!isService(ctx) || !found || !/^\d+$/.test(ctx.params.entry)) return missing(ctx);
      return logEntry(ctx, `${entries(ctx.bmc)}/${ctx.params.entry}`, Number(ctx.params.entry), found);
    }),
  ];
}

function logEntry(ctx: RequestContext, path: string, n: number, entry: LogEntry): Body {
  return resource(ctx, "LogEntry", path, {
    Id: String(n),
    Name: `Log Entry ${n}`,
    EntryType: "Event",
    Severity: entry.severity,
    Created: isoDate(entry.created),
    Message: entry.message,
  });
}

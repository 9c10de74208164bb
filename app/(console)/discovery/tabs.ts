export const discoveryTabs = (current: "scan-ranges" | "nodes" | "auth-profiles") => [
  { label: "Scan ranges", href: "/discovery", current: current === "scan-ranges" },
  { label: "Nodes", href: "/discovery/nodes", current: current === "nodes" },
  { label: "Auth profiles", href: "/discovery/auth-profiles", current: current === "auth-profiles" },
];

export const discoveryTabs = (current: "scan-ranges" | "auth-profiles") => [
  { label: "Scan ranges", href: "/discovery", current: current === "scan-ranges" },
  { label: "Auth profiles", href: "/discovery/auth-profiles", current: current === "auth-profiles" },
];

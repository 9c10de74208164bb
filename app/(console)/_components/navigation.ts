export type NavItem = { label: string; href: string; staffOnly?: boolean; comingSoon?: boolean };

/** The console's sections; those still to be built are shown, but not linked, so the map stays honest. */
export const navigation: NavItem[] = [
  { label: "Dashboard", href: "/" },
  { label: "Discovery", href: "/discovery" },
  { label: "Servers", href: "/servers" },
  { label: "Pools", href: "/pools" },
  { label: "Switches", href: "/switches" },
  { label: "Firmware", href: "/firmware" },
  { label: "Baselines", href: "/baselines" },
  { label: "Requests", href: "/requests" },
  { label: "Users & groups", href: "/users", staffOnly: true },
];

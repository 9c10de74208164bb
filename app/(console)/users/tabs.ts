export const userAdminTabs = (current: "users" | "groups") => [
  { label: "Users", href: "/users", current: current === "users" },
  { label: "Groups", href: "/groups", current: current === "groups" },
];

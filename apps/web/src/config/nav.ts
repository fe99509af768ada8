/**
 * Every area of the app, in the order the navigation lists them. Each `to` is a route path of
 * src/app/route-tree.ts; an area whose route is not registered yet shows the "on its way" page.
 */
export type TNavItem = { to: string; label: string; icon: TNavIcon; group: "coach" | "life" | "more" };
export type TNavIcon =
  | "home"
  | "chat"
  | "heart"
  | "target"
  | "scan"
  | "people"
  | "community"
  | "search"
  | "memory"
  | "document"
  | "chart"
  | "settings"
  | "shield";

export const NAV_ITEMS: TNavItem[] = [
  { to: "/", label: "Dashboard", icon: "home", group: "coach" },
  { to: "/chat", label: "Coach", icon: "chat", group: "coach" },
  { to: "/check-ins", label: "Check-ins", icon: "heart", group: "coach" },
  { to: "/goals", label: "Goals", icon: "target", group: "coach" },
  { to: "/routines", label: "Routines", icon: "chat", group: "coach" },
  { to: "/analysis", label: "Analysis", icon: "scan", group: "life" },
  { to: "/assistant", label: "People & tasks", icon: "people", group: "life" },
  { to: "/community", label: "Community", icon: "community", group: "life" },
  { to: "/search", label: "Search", icon: "search", group: "more" },
  { to: "/memory", label: "Memory", icon: "memory", group: "more" },
  { to: "/documents", label: "Documents", icon: "document", group: "more" },
  { to: "/reports", label: "Reports", icon: "chart", group: "more" },
  { to: "/settings", label: "Settings", icon: "settings", group: "more" },
  { to: "/admin", label: "Admin", icon: "shield", group: "more" },
];

/** Admin is listed only for admins; the API refuses everyone else anyway. */
export const navItemsFor = (role: "user" | "admin") =>
  NAV_ITEMS.filter((item) => item.to !== "/admin" || role === "admin");

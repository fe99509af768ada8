import type { TMessages } from "../lib/i18n/locales/en.ts";

/**
 * Every area of the app, in the order the navigation lists them. Each `to` is a route path of
 * src/app/route-tree.ts; an area whose route is not registered yet shows the "on its way" page.
 */
export type TNavItem = { to: string; label: TNavLabel; icon: TNavIcon; group: "coach" | "life" | "more" };
/** The item's name is a message key (`nav.*`), shown in the app's language. */
export type TNavLabel = `nav.${keyof TMessages["nav"]}`;
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
  { to: "/", label: "nav.dashboard", icon: "home", group: "coach" },
  { to: "/chat", label: "nav.chat", icon: "chat", group: "coach" },
  { to: "/check-ins", label: "nav.checkIns", icon: "heart", group: "coach" },
  { to: "/goals", label: "nav.goals", icon: "target", group: "coach" },
  { to: "/routines", label: "nav.routines", icon: "chat", group: "coach" },
  { to: "/analysis", label: "nav.analysis", icon: "scan", group: "life" },
  { to: "/assistant", label: "nav.assistant", icon: "people", group: "life" },
  { to: "/community", label: "nav.community", icon: "community", group: "life" },
  { to: "/search", label: "nav.search", icon: "search", group: "more" },
  { to: "/memory", label: "nav.memory", icon: "memory", group: "more" },
  { to: "/documents", label: "nav.documents", icon: "document", group: "more" },
  { to: "/reports", label: "nav.reports", icon: "chart", group: "more" },
  { to: "/settings", label: "nav.settings", icon: "settings", group: "more" },
  { to: "/admin", label: "nav.admin", icon: "shield", group: "more" },
];

/** Admin is listed only for admins; the API refuses everyone else anyway. */
export const navItemsFor = (role: "user" | "admin") =>
  NAV_ITEMS.filter((item) => item.to !== "/admin" || role === "admin");

import { Link, useRouterState } from "@tanstack/react-router";
import { useEffect, useState, type ReactNode } from "react";

import { navItemsFor, type TNavItem } from "../../config/nav.ts";
import { cn } from "../../lib/cn.ts";
import { useTranslation } from "../../lib/i18n/index.ts";
import type { TUser } from "../../lib/session.ts";
import { Button } from "../ui/button.tsx";
import { NavIcon } from "./nav-icon.tsx";

export type TShellUser = Pick<TUser, "name" | "email" | "role">;

const GROUPS: TNavItem["group"][] = ["coach", "life", "more"];

const isActive = (pathname: string, to: string) =>
  to === "/" ? pathname === "/" : pathname === to || pathname.startsWith(`${to}/`);

const NavList = ({ user, pathname, onNavigate }: { user: TShellUser; pathname: string; onNavigate?: () => void }) => {
  const { t } = useTranslation();
  return (
    <nav aria-label={t("shell.mainNav")} className="space-y-6">
      {GROUPS.map((group) => (
        <div key={group}>
          <p className="px-3 text-xs font-semibold uppercase tracking-wide text-slate-500">
            {t(`shell.groups.${group}`)}
          </p>
          <ul className="mt-2 space-y-0.5">
            {navItemsFor(user.role)
              .filter((item) => item.group === group)
              .map((item) => {
                const active = isActive(pathname, item.to);
                return (
                  <li key={item.to}>
                    {/* Typed routes cannot know part B's paths before they are registered, hence the cast. */}
                    <Link
                      to={item.to as "/"}
                      onClick={onNavigate}
                      aria-current={active ? "page" : undefined}
                      className={cn(
                        "flex items-center gap-3 rounded-lg px-3 py-2 text-sm font-medium",
                        active
                          ? "bg-brand-50 text-brand-700"
                          : "text-slate-700 hover:bg-slate-100 hover:text-slate-900",
                      )}
                    >
                      <NavIcon
                        name={item.icon}
                        className={cn("size-5", active ? "text-brand-600" : "text-slate-400")}
                      />
                      {t(item.label)}
                    </Link>
                  </li>
                );
              })}
          </ul>
        </div>
      ))}
    </nav>
  );
};

const Brand = () => (
  <Link to="/" className="flex items-center gap-2 text-brand-700">
    <span className="grid size-8 place-items-center rounded-lg bg-brand-600 font-bold text-white" aria-hidden="true">
      C
    </span>
    <span className="text-lg font-semibold tracking-tight">Cto</span>
  </Link>
);

const UserBox = ({ user, onSignOut, signingOut }: { user: TShellUser; onSignOut: () => void; signingOut: boolean }) => {
  const { t } = useTranslation();
  return (
    <div className="border-t border-slate-200 pt-4">
      <p className="truncate px-3 text-sm font-medium text-slate-900">{user.name ?? user.email}</p>
      {user.name && <p className="truncate px-3 text-xs text-slate-500">{user.email}</p>}
      <Button variant="ghost" size="sm" className="mt-2 w-full justify-start" onClick={onSignOut} loading={signingOut}>
        {t("shell.signOut")}
      </Button>
    </div>
  );
};

/** The signed-in frame: a sidebar on wide screens, a top bar with a menu drawer on phones. */
export const AppShell = ({
  user,
  onSignOut,
  signingOut = false,
  children,
}: {
  user: TShellUser;
  onSignOut: () => void;
  signingOut?: boolean;
  children: ReactNode;
}) => {
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  const [menuOpen, setMenuOpen] = useState(false);
  const { t } = useTranslation();
  useEffect(() => setMenuOpen(false), [pathname]);

  return (
    <div className="min-h-dvh md:flex">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:fixed focus:left-4 focus:top-4 focus:z-50 focus:rounded-md focus:bg-white focus:px-3 focus:py-2"
      >
        {t("shell.skipToContent")}
      </a>
      <aside className="hidden w-64 shrink-0 flex-col justify-between border-r border-slate-200 bg-white px-3 py-5 md:sticky md:top-0 md:flex md:h-dvh">
        <div className="space-y-8 overflow-y-auto">
          <div className="px-3">
            <Brand />
          </div>
          <NavList user={user} pathname={pathname} />
        </div>
        <UserBox user={user} onSignOut={onSignOut} signingOut={signingOut} />
      </aside>
      <header className="sticky top-0 z-30 flex items-center justify-between border-b border-slate-200 bg-white/95 px-4 py-3 backdrop-blur md:hidden">
        <Brand />
        <Button
          variant="secondary"
          size="sm"
          aria-expanded={menuOpen}
          aria-controls="mobile-menu"
          onClick={() => setMenuOpen((open) => !open)}
        >
          {menuOpen ? t("shell.close") : t("shell.menu")}
        </Button>
      </header>
      {menuOpen && (
        <div
          id="mobile-menu"
          className="fixed inset-x-0 bottom-0 top-[57px] z-20 overflow-y-auto bg-white px-3 py-5 md:hidden"
        >
          <NavList user={user} pathname={pathname} onNavigate={() => setMenuOpen(false)} />
          <div className="mt-6">
            <UserBox user={user} onSignOut={onSignOut} signingOut={signingOut} />
          </div>
        </div>
      )}
      <main id="main" className="min-w-0 flex-1 px-4 py-6 sm:px-6 lg:px-10 lg:py-8">
        <div className="mx-auto max-w-6xl">{children}</div>
      </main>
    </div>
  );
};

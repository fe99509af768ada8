import type { ReactNode } from "react";

import { PageHeader } from "../../../components/ui/card.tsx";
import { AccountDataCard } from "./account-data-card.tsx";
import { ApiKeysCard } from "./api-keys-card.tsx";
import { AppearanceCard } from "./appearance-card.tsx";
import { ContextForm } from "./context-form.tsx";
import { LinkedAccountsCard } from "./linked-accounts-card.tsx";
import { ModelCard } from "./model-card.tsx";
import { PreferencesCard } from "./preferences-card.tsx";
import { ProfileCard } from "./profile-card.tsx";
import { SessionsCard } from "./sessions-card.tsx";
import { TelegramCard } from "./telegram-card.tsx";
import { TwoFactorCard } from "./two-factor-card.tsx";
import { UsageCard } from "./usage-card.tsx";

const SECTIONS = [
  ["profile", "Profile"],
  ["coach", "Coach"],
  ["connections", "Connections"],
  ["security", "Security"],
  ["data", "Your data"],
] as const;

const Section = ({ id, title, children }: { id: (typeof SECTIONS)[number][0]; title: string; children: ReactNode }) => (
  <section id={id} aria-labelledby={`${id}-section`} className="scroll-mt-6 space-y-4">
    <h2 id={`${id}-section`} className="text-sm font-semibold uppercase tracking-wide text-slate-500">
      {title}
    </h2>
    {children}
  </section>
);

/** Everything about the account, one page of sections with a jump list (a phone scrolls the same page). */
export const SettingsPage = () => (
  <div data-testid="settings-page">
    <PageHeader
      title="Settings"
      description="Your profile, what the coach knows, connections, security and your data."
    />
    <nav aria-label="Settings sections" className="mb-6 flex flex-wrap gap-2">
      {SECTIONS.map(([id, label]) => (
        <a
          key={id}
          href={`#${id}`}
          className="rounded-full bg-white px-3 py-1 text-sm text-slate-700 ring-1 ring-slate-200 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-brand-500"
        >
          {label}
        </a>
      ))}
    </nav>
    <div className="max-w-3xl space-y-10">
      <Section id="profile" title="Profile">
        <ProfileCard />
        <PreferencesCard />
        <AppearanceCard />
      </Section>
      <Section id="coach" title="Coach">
        <ContextForm />
        <ModelCard />
        <UsageCard />
      </Section>
      <Section id="connections" title="Connections">
        <TelegramCard />
      </Section>
      <Section id="security" title="Security">
        <TwoFactorCard />
        <LinkedAccountsCard />
        <SessionsCard />
        <ApiKeysCard />
      </Section>
      <Section id="data" title="Your data">
        <AccountDataCard />
      </Section>
    </div>
  </div>
);

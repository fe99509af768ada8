import type { ReactNode } from "react";

import { PageHeader } from "../../../components/ui/card.tsx";
import { useTranslation } from "../../../lib/i18n/index.ts";
import { AccountDataCard } from "./account-data-card.tsx";
import { ApiKeysCard } from "./api-keys-card.tsx";
import { CalendarsCard } from "./calendars-card.tsx";
import { AppearanceCard } from "./appearance-card.tsx";
import { ContextForm } from "./context-form.tsx";
import { LanguageCard } from "./language-card.tsx";
import { LinkedAccountsCard } from "./linked-accounts-card.tsx";
import { ModelCard } from "./model-card.tsx";
import { PasskeysCard } from "./passkeys-card.tsx";
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

/** A section's title in the app's language; one not translated yet keeps its English title. */
const SectionTitle = ({ id, title }: { id: string; title: string }) => {
  const { t } = useTranslation();
  const titles: Partial<Record<string, string>> = t("settings.sections", { returnObjects: true });
  return titles[id] ?? title;
};

const SettingsHeader = () => {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t("settings.title")} description={t("settings.description")} />
      <nav aria-label={t("settings.sectionsNav")} className="mb-6 flex flex-wrap gap-2">
        {SECTIONS.map(([id, label]) => (
          <a
            key={id}
            href={`#${id}`}
            className="rounded-full bg-white px-3 py-1 text-sm text-slate-700 ring-1 ring-slate-200 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-brand-500"
          >
            <SectionTitle id={id} title={label} />
          </a>
        ))}
      </nav>
    </>
  );
};

const Section = ({ id, title, children }: { id: (typeof SECTIONS)[number][0]; title: string; children: ReactNode }) => (
  <section id={id} aria-labelledby={`${id}-section`} className="scroll-mt-6 space-y-4">
    <h2 id={`${id}-section`} className="text-sm font-semibold uppercase tracking-wide text-slate-500">
      <SectionTitle id={id} title={title} />
    </h2>
    {children}
  </section>
);

/** Everything about the account, one page of sections with a jump list (a phone scrolls the same page). */
export const SettingsPage = () => (
  <div data-testid="settings-page">
    <SettingsHeader />
    <div className="max-w-3xl space-y-10">
      <Section id="profile" title="Profile">
        <ProfileCard />
        <PreferencesCard />
        <AppearanceCard />
        <LanguageCard />
      </Section>
      <Section id="coach" title="Coach">
        <ContextForm />
        <ModelCard />
        <UsageCard />
      </Section>
      <Section id="connections" title="Connections">
        <TelegramCard />
        <CalendarsCard />
      </Section>
      <Section id="security" title="Security">
        <TwoFactorCard />
        <PasskeysCard />
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

/**
 * English, the default language and the fallback: every key the app shows lives here first. Other
 * languages are typed against this object (`TMessages`), so a key missing from one fails typecheck.
 */
export const en = {
  language: {
    en: "English",
    de: "Deutsch",
    title: "Language",
    description: "The language of the app, its dates and numbers. Saved to your account, so it follows you.",
    browser: "Same as this browser",
    saved: "Language: {{language}}.",
  },
  shell: {
    skipToContent: "Skip to content",
    mainNav: "Main",
    menu: "Menu",
    close: "Close",
    signOut: "Sign out",
    groups: { coach: "Coaching", life: "Your world", more: "More" },
  },
  nav: {
    dashboard: "Dashboard",
    chat: "Coach",
    checkIns: "Check-ins",
    goals: "Goals",
    routines: "Routines",
    analysis: "Analysis",
    assistant: "People & tasks",
    community: "Community",
    search: "Search",
    memory: "Memory",
    documents: "Documents",
    reports: "Reports",
    settings: "Settings",
    admin: "Admin",
  },
  time: { justNow: "just now" },
  settings: {
    title: "Settings",
    description: "Your profile, what the coach knows, connections, security and your data.",
    sectionsNav: "Settings sections",
    sections: {
      profile: "Profile",
      coach: "Coach",
      connections: "Connections",
      security: "Security",
      data: "Your data",
    },
  },
} as const;

type TWiden<T> = { [K in keyof T]: T[K] extends string ? string : TWiden<T[K]> };
/** The shape every language fills: the same keys as English, any wording. */
export type TMessages = TWiden<typeof en>;

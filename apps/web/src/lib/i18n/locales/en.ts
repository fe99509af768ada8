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
  appearance: {
    title: "Appearance",
    description: "Light, dark, or the same as this device. Saved to your account, so it follows you.",
    theme: "Theme",
    themes: { system: "System", light: "Light", dark: "Dark" },
    saved: { system: "Theme: system.", light: "Theme: light.", dark: "Theme: dark." },
  },
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
  auth: {
    email: "Email",
    password: "Password",
    signIn: "Sign in",
    signUp: {
      title: "Create your account",
      description: "A coach that remembers your goals, your progress and what matters to you.",
      haveAccount: "Already have an account?",
      submit: "Create account",
      name: "Name",
      passwordHint: "At least 10 characters. A few words together make a strong one.",
    },
    signInPage: {
      title: "Sign in to Cto",
      description: "Welcome back. Your coach remembers where you left off.",
      newHere: "New to Cto?",
      createAccount: "Create an account",
      forgotPassword: "Forgot your password?",
    },
  },
  dashboard: {
    greeting: { night: "Good night", morning: "Good morning", afternoon: "Good afternoon", evening: "Good evening" },
    description: "Here is where you stand today.",
    checkIn: "Check in",
    talkToCoach: "Talk to your coach",
    checkInNow: "Check in now",
    consistency: {
      title: "Consistency",
      description: "How reliably you keep your commitments.",
      emptyTitle: "No score yet",
      emptyDescription: "Cto works this out once you have kept or skipped a few commitments.",
    },
    due: {
      title: "Due today",
      description: "Your open commitments for today, and any overdue.",
      emptyTitle: "Nothing due today",
      emptyDescription: "A clear day. Commitments you make show up here on their due date.",
    },
    goals: {
      title: "Goals in progress",
      emptyTitle: "No active goals",
      emptyDescription: "Set one goal for this week or quarter, and track it here.",
    },
    notifications: {
      title: "Notifications",
      description: "Reminders and nudges from your coach.",
      emptyTitle: "No notifications",
      emptyDescription: "Reminders for your commitments and check-ins appear here.",
    },
    report: {
      title: "Latest report",
      emptyTitle: "No report yet",
      emptyDescription: "Cto writes a short report after your first few days of check-ins.",
    },
    mood: {
      title: "Mood",
      description: "Feelings you logged, last {{days}} days: above 0 is pleasant, below is hard.",
      emptyTitle: "No feelings logged yet",
      emptyDescription: "Log how you feel to see your mood over time.",
      chartTitle: "Mood per day, last {{days}} days",
    },
    energy: {
      title: "Energy",
      description: "Your energy check-ins (1–10), last {{days}} days.",
      emptyTitle: "No energy check-ins yet",
      emptyDescription: "Rate your energy to spot your best hours.",
      chartTitle: "Energy per day, last {{days}} days",
    },
  },
  checkIns: {
    title: "Check-ins",
    description: "A minute to notice how you are. Your coach and your dashboard learn from it.",
    recent: "Recent check-ins",
    feelings: "Feelings",
    noFeelings: "No feelings logged yet",
    recentFeelings: "Recent feelings",
    energy: "Energy",
    noEnergy: "No energy check-ins yet",
    recentEnergy: "Recent energy",
  },
  goals: {
    title: "Goals",
    description: "Where you are heading, and the commitments that get you there.",
    tabsLabel: "Goals and commitments",
    goals: "Goals",
    commitments: "Commitments",
  },
} as const;

type TWiden<T> = { [K in keyof T]: T[K] extends string ? string : TWiden<T[K]> };
/** The shape every language fills: the same keys as English, any wording. */
export type TMessages = TWiden<typeof en>;

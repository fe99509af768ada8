import type { TMessages } from "./en.ts";

/** German. Loaded only when someone reads the app in German (its own chunk). */
export const de: TMessages = {
  language: {
    en: "English",
    de: "Deutsch",
    title: "Sprache",
    description: "Die Sprache der App, ihrer Daten und Zahlen. In deinem Konto gespeichert, also überall gleich.",
    browser: "Wie dieser Browser",
    saved: "Sprache: {{language}}.",
  },
  shell: {
    skipToContent: "Zum Inhalt springen",
    mainNav: "Hauptmenü",
    menu: "Menü",
    close: "Schließen",
    signOut: "Abmelden",
    groups: { coach: "Coaching", life: "Deine Welt", more: "Mehr" },
  },
  nav: {
    dashboard: "Übersicht",
    chat: "Coach",
    checkIns: "Check-ins",
    goals: "Ziele",
    routines: "Routinen",
    analysis: "Analyse",
    assistant: "Menschen & Aufgaben",
    community: "Community",
    search: "Suche",
    memory: "Gedächtnis",
    documents: "Dokumente",
    reports: "Berichte",
    settings: "Einstellungen",
    admin: "Verwaltung",
  },
  time: { justNow: "gerade eben" },
  settings: {
    title: "Einstellungen",
    description: "Dein Profil, was der Coach weiß, Verbindungen, Sicherheit und deine Daten.",
    sectionsNav: "Bereiche der Einstellungen",
    sections: {
      profile: "Profil",
      coach: "Coach",
      connections: "Verbindungen",
      security: "Sicherheit",
      data: "Deine Daten",
    },
  },
};

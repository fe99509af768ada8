import { Card, CardHeader } from "../../../components/ui/card.tsx";
import { Segmented, type TSegment } from "../../../components/ui/segmented.tsx";
import { FormError } from "../../../components/ui/states.tsx";
import { localeOf, SUPPORTED_LOCALES, type TLocale, useTranslation } from "../../../lib/i18n/index.ts";
import { useSession } from "../../../lib/session.ts";
import { useUpdateProfile } from "../api/profile.ts";

type TLanguageChoice = TLocale | "browser";

/**
 * preferences.locale: saved to the account; the signed-in layout then shows the app in it (the saved
 * session is what it reads), so this page re-renders in the new language as the confirmation.
 */
export const LanguageCard = () => {
  const { t } = useTranslation();
  const { data: session } = useSession();
  const save = useUpdateProfile();
  if (!session) return null;
  const saved: TLanguageChoice = localeOf(session.user.preferences) ?? "browser";
  const pending = save.isPending ? save.variables.preferences?.locale : undefined;
  // Each language is named in itself, so someone who cannot read the current one still finds theirs.
  const options: TSegment<TLanguageChoice>[] = [
    { value: "browser", label: t("language.browser") },
    ...SUPPORTED_LOCALES.map((locale) => ({ value: locale, label: t(`language.${locale}`, { lng: locale }) })),
  ];
  return (
    <Card aria-labelledby="language-title">
      <CardHeader
        title={<span id="language-title">{t("language.title")}</span>}
        description={t("language.description")}
      />
      <FormError error={save.error} />
      <Segmented
        label={t("language.title")}
        options={options}
        value={pending === undefined ? saved : (pending ?? "browser")}
        onChange={(choice) => save.mutate({ preferences: { locale: choice === "browser" ? null : choice } })}
      />
    </Card>
  );
};

import { Card, CardHeader } from "../../../components/ui/card.tsx";
import { Segmented } from "../../../components/ui/segmented.tsx";
import { FormError } from "../../../components/ui/states.tsx";
import { useToast } from "../../../components/ui/toast.tsx";
import { useTranslation } from "../../../lib/i18n/index.ts";
import { applyTheme, themeOf, type TTheme } from "../../../lib/theme.ts";
import { useSession } from "../../../lib/session.ts";
import { useUpdateProfile } from "../api/profile.ts";

const THEMES: TTheme[] = ["system", "light", "dark"];

/** preferences.theme: shown at once, saved to the account (merged into preferences; the rest is kept). */
export const AppearanceCard = () => {
  const { t } = useTranslation();
  const { data: session } = useSession();
  const save = useUpdateProfile();
  const toast = useToast();
  if (!session) return null;
  const saved = themeOf(session.user.preferences);
  const choose = (theme: TTheme) => {
    applyTheme(theme);
    save.mutate(
      { preferences: { theme } },
      {
        onSuccess: () => toast.show(t(`appearance.saved.${theme}`)),
        // Not saved: back to what the account holds.
        onError: () => applyTheme(saved),
      },
    );
  };
  return (
    <Card aria-labelledby="appearance-title">
      <CardHeader
        title={<span id="appearance-title">{t("appearance.title")}</span>}
        description={t("appearance.description")}
      />
      <FormError error={save.error} />
      <Segmented
        label={t("appearance.theme")}
        options={THEMES.map((value) => ({ value, label: t(`appearance.themes.${value}`) }))}
        value={
          save.isPending && save.variables.preferences?.theme ? (save.variables.preferences.theme as TTheme) : saved
        }
        onChange={choose}
      />
    </Card>
  );
};

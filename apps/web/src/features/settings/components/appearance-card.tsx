import { Card, CardHeader } from "../../../components/ui/card.tsx";
import { Segmented } from "../../../components/ui/segmented.tsx";
import { FormError } from "../../../components/ui/states.tsx";
import { useToast } from "../../../components/ui/toast.tsx";
import { applyTheme, themeOf, type TTheme } from "../../../lib/theme.ts";
import { useSession } from "../../../lib/session.ts";
import { useUpdateProfile } from "../api/profile.ts";

const THEMES: { value: TTheme; label: string }[] = [
  { value: "system", label: "System" },
  { value: "light", label: "Light" },
  { value: "dark", label: "Dark" },
];

/** preferences.theme: shown at once, saved to the account (merged into preferences; the rest is kept). */
export const AppearanceCard = () => {
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
        onSuccess: () => toast.show(`Theme: ${THEMES.find((entry) => entry.value === theme)!.label.toLowerCase()}.`),
        // Not saved: back to what the account holds.
        onError: () => applyTheme(saved),
      },
    );
  };
  return (
    <Card aria-labelledby="appearance-title">
      <CardHeader
        title={<span id="appearance-title">Appearance</span>}
        description="Light, dark, or the same as this device. Saved to your account, so it follows you."
      />
      <FormError error={save.error} />
      <Segmented
        label="Theme"
        options={THEMES}
        value={
          save.isPending && save.variables.preferences?.theme ? (save.variables.preferences.theme as TTheme) : saved
        }
        onChange={choose}
      />
    </Card>
  );
};

import { Link, useSearch } from "@tanstack/react-router";

import { Button, buttonClass } from "../../../components/ui/button.tsx";
import { ErrorState } from "../../../components/ui/states.tsx";
import { useUnsubscribe } from "../api/unsubscribe.ts";
import { useTranslation } from "../../../lib/i18n/index.ts";

/**
 * Opened from a nudge email's "Stop nudge emails" link: `/unsubscribe?token=…`. Opening it changes nothing
 * (mail scanners open links too); only the button does, signed in or not.
 */
export const UnsubscribePage = () => {
  const { token = "" } = useSearch({ strict: false }) as { token?: string };
  return <Unsubscribe token={token} />;
};

/** The page's content for one token: an explanation and the one button that unsubscribes. */
export const Unsubscribe = ({ token }: { token: string }) => {
  const stop = useUnsubscribe();
  const { t } = useTranslation();
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center bg-slate-50 px-4 py-12">
      <div className="w-full max-w-sm rounded-2xl bg-white p-7 shadow-sm ring-1 ring-slate-200">
        <h1 className="text-xl font-semibold text-slate-900">{t("unsubscribe.title")}</h1>
        <div className="mt-4 space-y-4 text-sm text-slate-700">
          {!token && <p>{t("unsubscribe.incomplete")}</p>}
          {token && !stop.isSuccess && (
            <>
              <p>{t("unsubscribe.explain")}</p>
              {stop.isError && <ErrorState title={t("unsubscribe.failed")} error={stop.error} />}
              <Button type="button" loading={stop.isPending} onClick={() => stop.mutate(token)}>
                {t("unsubscribe.stop")}
              </Button>
            </>
          )}
          {stop.isSuccess && (
            <>
              <p role="status" className="rounded-lg bg-emerald-50 px-4 py-3 text-emerald-900 ring-1 ring-emerald-200">
                {t("unsubscribe.done")}
              </p>
              <Link to="/" className={buttonClass("secondary")}>
                {t("unsubscribe.home")}
              </Link>
            </>
          )}
        </div>
      </div>
    </main>
  );
};

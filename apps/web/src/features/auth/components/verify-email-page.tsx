import { Link, useSearch } from "@tanstack/react-router";
import { useEffect, useRef } from "react";

import { buttonClass } from "../../../components/ui/button.tsx";
import { Spinner } from "../../../components/ui/spinner.tsx";
import { ErrorState } from "../../../components/ui/states.tsx";
import { useVerifyEmail } from "../api/verify-email.ts";
import { AuthCard } from "./auth-card.tsx";
import { useTranslation } from "../../../lib/i18n/index.ts";

/** Opened from the verification email: confirms the token once, then says so. */
export const VerifyEmailPage = () => {
  const { token = "" } = useSearch({ strict: false }) as { token?: string };
  const verify = useVerifyEmail();
  const sent = useRef(false);
  const { t } = useTranslation();
  useEffect(() => {
    // StrictMode runs effects twice in development; a token is single-use, so send it once.
    if (!token || sent.current) return;
    sent.current = true;
    verify.mutate(token);
  }, [token, verify]);

  return (
    <AuthCard title={t("auth.verify.title")}>
      {!token && <p className="text-sm text-slate-700">{t("auth.verify.incomplete")}</p>}
      {verify.isPending && <Spinner label={t("auth.verify.verifying")} />}
      {verify.isError && <ErrorState title={t("auth.verify.failed")} error={verify.error} />}
      {verify.isSuccess && (
        <div className="space-y-4">
          <p
            role="status"
            className="rounded-lg bg-emerald-50 px-4 py-3 text-sm text-emerald-900 ring-1 ring-emerald-200"
          >
            {t("auth.verify.done")}
          </p>
          <Link to="/" className={buttonClass("primary")}>
            {t("auth.verify.home")}
          </Link>
        </div>
      )}
    </AuthCard>
  );
};

import { createRoute, Link } from "@tanstack/react-router";

import { buttonClass } from "../../components/ui/button.tsx";
import { useTranslation } from "../../lib/i18n/index.ts";
import { appLayoutRoute } from "./app-layout.tsx";

const NotFoundPage = () => {
  const { t } = useTranslation();
  return (
    <div className="mx-auto max-w-md py-16 text-center">
      <h1 className="text-2xl font-semibold text-slate-900">{t("notFound.title")}</h1>
      <p className="mt-2 text-sm text-slate-600">{t("notFound.description")}</p>
      <Link to="/" className={`${buttonClass("primary")} mt-6`}>
        {t("notFound.back")}
      </Link>
    </div>
  );
};

/** Any unknown path of the signed-in app renders inside the shell, so the navigation stays. */
export const notFoundRoute = createRoute({ getParentRoute: () => appLayoutRoute, path: "$", component: NotFoundPage });

import { createRoute, Link } from "@tanstack/react-router";

import { buttonClass } from "../../components/ui/button.tsx";
import { appLayoutRoute } from "./app-layout.tsx";

const NotFoundPage = () => (
  <div className="mx-auto max-w-md py-16 text-center">
    <h1 className="text-2xl font-semibold text-slate-900">Nothing here yet</h1>
    <p className="mt-2 text-sm text-slate-600">This page does not exist, or this part of Cto is still on its way.</p>
    <Link to="/" className={`${buttonClass("primary")} mt-6`}>
      Back to the dashboard
    </Link>
  </div>
);

/** Any unknown path of the signed-in app renders inside the shell, so the navigation stays. */
export const notFoundRoute = createRoute({ getParentRoute: () => appLayoutRoute, path: "$", component: NotFoundPage });

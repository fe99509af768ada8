import { Link, useSearch } from "@tanstack/react-router";

import { Button, buttonClass } from "../../../components/ui/button.tsx";
import { ErrorState } from "../../../components/ui/states.tsx";
import { useUnsubscribe } from "../api/unsubscribe.ts";

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
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center bg-slate-50 px-4 py-12">
      <div className="w-full max-w-sm rounded-2xl bg-white p-7 shadow-sm ring-1 ring-slate-200">
        <h1 className="text-xl font-semibold text-slate-900">Stop nudge emails</h1>
        <div className="mt-4 space-y-4 text-sm text-slate-700">
          {!token && <p>This link is incomplete. Open the link from the email again.</p>}
          {token && !stop.isSuccess && (
            <>
              <p>
                Your coach will stop sending nudges by email. They still appear in Cto, and you can turn email back on
                in Settings.
              </p>
              {stop.isError && <ErrorState title="Nudge emails were not turned off" error={stop.error} />}
              <Button type="button" loading={stop.isPending} onClick={() => stop.mutate(token)}>
                Stop nudge emails
              </Button>
            </>
          )}
          {stop.isSuccess && (
            <>
              <p role="status" className="rounded-lg bg-emerald-50 px-4 py-3 text-emerald-900 ring-1 ring-emerald-200">
                Done: no more nudge emails. Turn them back on any time in Settings.
              </p>
              <Link to="/" className={buttonClass("secondary")}>
                Go to Cto
              </Link>
            </>
          )}
        </div>
      </div>
    </main>
  );
};

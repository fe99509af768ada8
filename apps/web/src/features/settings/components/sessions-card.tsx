import { ZSignInMethodSchema } from "@cto/contracts/api/two-factor";

import { Badge } from "../../../components/ui/badge.tsx";
import { Button } from "../../../components/ui/button.tsx";
import { Card, CardHeader } from "../../../components/ui/card.tsx";
import { ListRow, ListRowText } from "../../../components/ui/list-row.tsx";
import { QueryState } from "../../../components/ui/query-state.tsx";
import { useToast } from "../../../components/ui/toast.tsx";
import { errorMessage } from "../../../lib/api-error.ts";
import { formatDate, formatRelative } from "../../../lib/format.ts";
import { i18n, useTranslation } from "../../../lib/i18n/index.ts";
import { useRevokeSession, useSessions, type TSessionInfo } from "../api/sessions.ts";

// A user-agent string, as a person would name the device: "Chrome on Linux".
const describeDevice = (userAgent: string | null) => {
  if (!userAgent) return i18n.t("sessions.unknownDevice");
  const browser = /Edg\//.test(userAgent)
    ? "Edge"
    : /Firefox\//.test(userAgent)
      ? "Firefox"
      : /Chrom(e|ium)\//.test(userAgent)
        ? "Chrome"
        : /Safari\//.test(userAgent)
          ? "Safari"
          : null;
  const system = /Android/.test(userAgent)
    ? "Android"
    : /iPhone|iPad/.test(userAgent)
      ? "iOS"
      : /Mac OS X/.test(userAgent)
        ? "macOS"
        : /Windows/.test(userAgent)
          ? "Windows"
          : /Linux/.test(userAgent)
            ? "Linux"
            : null;
  if (browser && system) return i18n.t("sessions.browserOn", { browser, system });
  return browser ?? system ?? userAgent.slice(0, 60);
};

// How the session signed in, as the Sessions list says it (the API's values); a method the app has no
// words for shows as is.
const SIGN_IN_METHODS = ZSignInMethodSchema.options;
const methodLabel = (method: string) =>
  (SIGN_IN_METHODS as readonly string[]).includes(method)
    ? i18n.t(`sessions.methods.${method as (typeof SIGN_IN_METHODS)[number]}`)
    : method;

const SessionRow = ({ session }: { session: TSessionInfo }) => {
  const { t } = useTranslation();
  const revoke = useRevokeSession();
  const toast = useToast();
  const device = describeDevice(session.userAgent);
  return (
    <ListRow label={device}>
      <ListRowText
        name={device}
        tags={
          session.current && (
            <Badge tone="success" className="ml-2">
              {t("sessions.thisDevice")}
            </Badge>
          )
        }
        details={
          <>
            {session.ipAddress ? `${session.ipAddress} · ` : ""}
            {session.signInMethod
              ? t("sessions.signedInWith", {
                  date: formatDate(session.createdAt),
                  method: methodLabel(session.signInMethod),
                })
              : t("sessions.signedIn", { date: formatDate(session.createdAt) })}{" "}
            ·{" "}
            {session.lastUsedAt
              ? t("sessions.active", { when: formatRelative(session.lastUsedAt) })
              : t("sessions.notUsed")}
          </>
        }
      />
      {!session.current && (
        <Button
          size="sm"
          variant="secondary"
          loading={revoke.isPending}
          onClick={() =>
            revoke.mutate(session.id, {
              onSuccess: () => toast.show(t("sessions.signedOut", { device })),
              onError: (error) => toast.show(errorMessage(error), "error"),
            })
          }
        >
          {t("sessions.signOut")}
        </Button>
      )}
    </ListRow>
  );
};

/** Where the account is signed in; any other device can be signed out from here. */
export const SessionsCard = () => {
  const { t } = useTranslation();
  const sessions = useSessions();
  return (
    <Card aria-labelledby="sessions-title">
      <CardHeader
        title={<span id="sessions-title">{t("sessions.title")}</span>}
        description={t("sessions.description")}
      />
      <QueryState query={sessions}>
        {(page) => (
          <ul aria-label={t("sessions.list")} className="divide-y divide-slate-100">
            {page.items.map((session) => (
              <SessionRow key={session.id} session={session} />
            ))}
          </ul>
        )}
      </QueryState>
    </Card>
  );
};

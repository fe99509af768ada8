import { Badge } from "../../../components/ui/badge.tsx";
import { Button } from "../../../components/ui/button.tsx";
import { Card, CardHeader } from "../../../components/ui/card.tsx";
import { QueryState } from "../../../components/ui/query-state.tsx";
import { useToast } from "../../../components/ui/toast.tsx";
import { errorMessage } from "../../../lib/api-error.ts";
import { formatDate, formatRelative } from "../../../lib/format.ts";
import { useRevokeSession, useSessions, type TSessionInfo } from "../api/sessions.ts";

// A user-agent string, as a person would name the device: "Chrome on Linux".
const describeDevice = (userAgent: string | null) => {
  if (!userAgent) return "Unknown device";
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
  if (browser && system) return `${browser} on ${system}`;
  return browser ?? system ?? userAgent.slice(0, 60);
};

// How the session signed in, as the Sessions list says it.
const SIGN_IN_METHODS: Record<string, string> = {
  password: "password",
  password_totp: "password and authenticator code",
  password_recovery_code: "password and recovery code",
  provider: "a sign-in provider",
  provider_totp: "a sign-in provider and authenticator code",
  provider_recovery_code: "a sign-in provider and recovery code",
  passkey: "a passkey",
  password_passkey: "password and passkey",
  provider_passkey: "a sign-in provider and passkey",
};

const SessionRow = ({ session }: { session: TSessionInfo }) => {
  const revoke = useRevokeSession();
  const toast = useToast();
  const device = describeDevice(session.userAgent);
  return (
    <li aria-label={device} className="flex flex-wrap items-center justify-between gap-3 py-2.5 text-sm">
      <span>
        <span className="font-medium text-slate-900">{device}</span>
        {session.current && (
          <Badge tone="success" className="ml-2">
            This device
          </Badge>
        )}
        <span className="block text-xs text-slate-500">
          {session.ipAddress ? `${session.ipAddress} · ` : ""}signed in {formatDate(session.createdAt)}
          {session.signInMethod ? ` with ${SIGN_IN_METHODS[session.signInMethod] ?? session.signInMethod}` : ""} ·{" "}
          {session.lastUsedAt ? `active ${formatRelative(session.lastUsedAt)}` : "not used since"}
        </span>
      </span>
      {!session.current && (
        <Button
          size="sm"
          variant="secondary"
          loading={revoke.isPending}
          onClick={() =>
            revoke.mutate(session.id, {
              onSuccess: () => toast.show(`${device} is signed out.`),
              onError: (error) => toast.show(errorMessage(error), "error"),
            })
          }
        >
          Sign out
        </Button>
      )}
    </li>
  );
};

/** Where the account is signed in; any other device can be signed out from here. */
export const SessionsCard = () => {
  const sessions = useSessions();
  return (
    <Card aria-labelledby="sessions-title">
      <CardHeader
        title={<span id="sessions-title">Where you're signed in</span>}
        description="Sign out a device you no longer use or don't recognise."
      />
      <QueryState query={sessions}>
        {(page) => (
          <ul aria-label="Signed-in devices" className="divide-y divide-slate-100">
            {page.items.map((session) => (
              <SessionRow key={session.id} session={session} />
            ))}
          </ul>
        )}
      </QueryState>
    </Card>
  );
};

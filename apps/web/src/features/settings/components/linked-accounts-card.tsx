import { useSearch } from "@tanstack/react-router";

import { Button } from "../../../components/ui/button.tsx";
import { Card, CardHeader } from "../../../components/ui/card.tsx";
import { QueryState } from "../../../components/ui/query-state.tsx";
import { useToast } from "../../../components/ui/toast.tsx";
import { errorMessage } from "../../../lib/api-error.ts";
import { formatDate } from "../../../lib/format.ts";
import { providerRefusalMessage } from "../../../lib/provider-refusals.ts";
import { useIdentities, useLinkableProviders, useLinkProvider, useUnlinkIdentity } from "../api/identities.ts";
import { useTranslation } from "../../../lib/i18n/index.ts";

/** The providers that sign in to this account: link another, unlink one (never the last way in). */
export const LinkedAccountsCard = () => {
  const identities = useIdentities();
  const providers = useLinkableProviders();
  const link = useLinkProvider();
  const unlink = useUnlinkIdentity();
  const toast = useToast();
  const { t } = useTranslation();
  // A link comes back here from the provider: refused with a reason (`provider_error`).
  const refused = providerRefusalMessage((useSearch({ strict: false }) as { provider_error?: string }).provider_error);
  const configured = providers.data?.providers ?? [];
  if (configured.length === 0 && (identities.data?.identities.length ?? 0) === 0) return null;
  return (
    <Card aria-labelledby="linked-accounts-title">
      <CardHeader
        title={<span id="linked-accounts-title">{t("linkedAccounts.title")}</span>}
        description={t("linkedAccounts.description")}
      />
      {refused && (
        <p role="alert" className="mb-3 rounded-lg bg-red-50 p-3 text-sm text-red-800 ring-1 ring-red-200">
          {refused}
        </p>
      )}
      <QueryState query={identities}>
        {({ identities: linked }) => (
          <>
            <ul aria-label={t("linkedAccounts.list")} className="divide-y divide-slate-100">
              {linked.map((identity) => (
                <li key={identity.id} className="flex items-center justify-between gap-3 py-2.5 text-sm">
                  <span>
                    <span className="font-medium text-slate-900">{identity.providerName}</span>
                    <span className="block text-xs text-slate-500">
                      {t("linkedAccounts.linked", { date: formatDate(identity.createdAt) })}
                    </span>
                  </span>
                  <Button
                    size="sm"
                    variant="secondary"
                    loading={unlink.isPending && unlink.variables === identity.id}
                    onClick={() =>
                      unlink.mutate(identity.id, {
                        onSuccess: () => toast.show(t("linkedAccounts.unlinked", { provider: identity.providerName })),
                        onError: (error) => toast.show(errorMessage(error), "error"),
                      })
                    }
                  >
                    {t("linkedAccounts.unlink")}
                  </Button>
                </li>
              ))}
            </ul>
            <div className="mt-3 flex flex-wrap gap-2">
              {configured
                .filter((provider) => !linked.some((identity) => identity.provider === provider.id))
                .map((provider) => (
                  <Button
                    key={provider.id}
                    size="sm"
                    variant="secondary"
                    loading={link.isPending && link.variables === provider.id}
                    onClick={() =>
                      link.mutate(provider.id, { onError: (error) => toast.show(errorMessage(error), "error") })
                    }
                  >
                    {t("linkedAccounts.link", { provider: provider.name })}
                  </Button>
                ))}
            </div>
          </>
        )}
      </QueryState>
    </Card>
  );
};

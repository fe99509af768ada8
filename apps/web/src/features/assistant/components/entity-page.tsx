import { Link, useNavigate, useParams } from "@tanstack/react-router";
import { useState } from "react";

import { Button } from "../../../components/ui/button.tsx";
import { Card, CardHeader, PageHeader } from "../../../components/ui/card.tsx";
import { LoadingBlock } from "../../../components/ui/spinner.tsx";
import { ErrorState } from "../../../components/ui/states.tsx";
import { useToast } from "../../../components/ui/toast.tsx";
import { errorMessage } from "../../../lib/api-error.ts";
import { kindLabel } from "../api/get-entities.ts";
import { entityFacts, useEntity } from "../api/get-entity.ts";
import { useTrashEntity } from "../api/mutate-entities.ts";
import type { TEntityKind } from "../api/types.ts";
import { EditEntityForm } from "./edit-entity.tsx";
import { LinksCard } from "./links-card.tsx";
import { useTranslation } from "../../../lib/i18n/index.ts";

/** One person, place, event, task or deadline: its facts and its links. */
export const EntityPage = () => {
  const { kind, id } = useParams({ strict: false }) as { kind: TEntityKind; id: string };
  const entity = useEntity(kind, id);
  const trash = useTrashEntity();
  const navigate = useNavigate();
  const toast = useToast();
  const [editing, setEditing] = useState(false);
  const { t } = useTranslation();
  const back = (
    <Link to="/assistant" search={{ tab: kind }} className="text-sm font-medium text-brand-700 hover:underline">
      {t(`assistant.backTo.${kind}`)}
    </Link>
  );
  if (entity.isPending) return <LoadingBlock lines={5} />;
  if (entity.isError)
    return (
      <div className="space-y-4">
        {back}
        <ErrorState error={entity.error} title={t("assistant.openFailed")} onRetry={() => void entity.refetch()} />
      </div>
    );

  return (
    <div data-testid="assistant-entity-page">
      {back}
      <div className="mt-2">
        <PageHeader
          title={entity.data.name}
          description={kindLabel(kind)}
          actions={
            <>
              <Button variant="secondary" onClick={() => setEditing(true)} disabled={editing}>
                {t("assistant.edit")}
              </Button>
              <Button
                variant="secondary"
                loading={trash.isPending}
                onClick={() =>
                  trash.mutate(
                    { kind, id },
                    {
                      onSuccess: () => {
                        toast.show(t("assistant.movedToTrash"));
                        void navigate({ to: "/assistant", search: { tab: kind } });
                      },
                      onError: (error) => toast.show(errorMessage(error), "error"),
                    },
                  )
                }
              >
                {t("assistant.moveToTrash")}
              </Button>
            </>
          }
        />
      </div>
      {editing && (
        <Card className="mb-6">
          <CardHeader title={t(`assistant.editKind.${kind}`)} />
          <EditEntityForm entity={entity.data} close={() => setEditing(false)} />
        </Card>
      )}
      <div className="grid gap-6 lg:grid-cols-[20rem_minmax(0,1fr)]">
        <Card>
          <CardHeader title={t("assistant.details")} />
          <dl className="space-y-3 text-sm">
            {entityFacts(entity.data).map(([label, value]) => (
              <div key={label}>
                <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
                <dd className="mt-0.5 whitespace-pre-wrap text-slate-900">{value}</dd>
              </div>
            ))}
          </dl>
        </Card>
        <LinksCard kind={kind} id={id} />
      </div>
    </div>
  );
};

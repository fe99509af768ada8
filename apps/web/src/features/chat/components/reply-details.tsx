import type { TChatAction, TChatSource } from "@cto/contracts/api/chat";

import { TargetLink } from "../../../components/target-link.tsx";
import { Badge } from "../../../components/ui/badge.tsx";
import { humanize } from "../../../lib/format.ts";
import { enumLabel } from "../../../lib/i18n/enum-label.ts";
import { i18n, useTranslation } from "../../../lib/i18n/index.ts";
import { sourceTarget } from "../../../lib/targets.ts";

// Tool names are the API's (create_goal, log_emotion…); people read what happened.
const LABELLED_ACTIONS = [
  "create_goal",
  "create_commitment",
  "create_task",
  "create_deadline",
  "log_emotion",
  "log_energy",
] as const;
const isLabelled = (tool: string): tool is (typeof LABELLED_ACTIONS)[number] =>
  (LABELLED_ACTIONS as readonly string[]).includes(tool);

export const actionLabel = (tool: string) => (isLabelled(tool) ? i18n.t(`chat.actions.${tool}`) : humanize(tool));

/** Opens what the source cites: the goal, the conversation, the report… where it lives in the app. */
const SourceLink = ({ source, index }: { source: TChatSource; index: number }) => {
  const { t } = useTranslation();
  const target = sourceTarget(source);
  if (!target) return null;
  return (
    <TargetLink target={target} className="mt-1 inline-block font-medium text-brand-700 hover:underline">
      {target.label}
      <span className="sr-only">{t("chat.details.source", { number: index + 1 })}</span>
    </TargetLink>
  );
};

/**
 * What the coach did (tool calls) and what it relied on (sources), under its reply. `sourcesOpen` and
 * `onSourcesToggle` keep the sources list open or closed when the thread swaps this reply's element.
 */
export const ReplyDetails = ({
  sources = [],
  actions = [],
  sourcesOpen = false,
  onSourcesToggle,
}: {
  sources?: TChatSource[];
  actions?: TChatAction[];
  sourcesOpen?: boolean;
  onSourcesToggle?: (open: boolean) => void;
}) => {
  const { t } = useTranslation();
  if (!sources.length && !actions.length) return null;
  return (
    <div className="mt-3 space-y-2 border-t border-slate-100 pt-3">
      {actions.length > 0 && (
        <ul aria-label={t("chat.details.actionsTaken")} className="flex flex-wrap gap-2">
          {actions.map((action) => (
            <li key={action.toolCallId}>
              <Badge tone={action.ok ? "success" : "danger"}>
                {action.ok ? "✓" : "✗"} {actionLabel(action.tool)}
                {!action.ok && action.error ? `: ${action.error}` : ""}
              </Badge>
            </li>
          ))}
        </ul>
      )}
      {sources.length > 0 && (
        <details
          className="group text-xs text-slate-600"
          open={sourcesOpen}
          onToggle={(event) => onSourcesToggle?.(event.currentTarget.open)}
        >
          <summary className="cursor-pointer select-none font-medium text-slate-700 hover:text-slate-900">
            {t("chat.details.sourcesUsed", { count: sources.length })}
          </summary>
          <ol className="mt-2 space-y-2">
            {sources.map((source, index) => (
              <li key={`${source.kind}-${source.id}`} className="rounded-md bg-slate-50 p-2">
                <span className="mr-1 font-semibold">[{index + 1}]</span>
                <Badge tone={source.kind === "knowledge" ? "brand" : "neutral"} className="mr-1">
                  {source.kind === "knowledge"
                    ? t("chat.details.knowledge")
                    : t("chat.details.yours", { kind: enumLabel("search.ownerKinds", source.ownerKind ?? "memory") })}
                </Badge>
                <span className="line-clamp-3">{source.content}</span>
                <SourceLink source={source} index={index} />
              </li>
            ))}
          </ol>
        </details>
      )}
    </div>
  );
};

import type { ReactNode } from "react";

import { cn } from "../../../lib/cn.ts";
import { formatDateTime, formatTime, startOfToday } from "../../../lib/format.ts";
import { i18n } from "../../../lib/i18n/index.ts";

/**
 * One message: the person's on the right (their text as typed), the coach's on the left (its markdown
 * rendered, see markdown.tsx), with what follows the reply and the message's actions.
 */
export const MessageBubble = ({
  role,
  children,
  at,
  footer,
  streaming,
  actions,
}: {
  role: "user" | "assistant";
  children: ReactNode;
  at?: number;
  footer?: ReactNode;
  streaming?: boolean;
  actions?: ReactNode;
}) => (
  <li className={cn("flex", role === "user" ? "justify-end" : "justify-start")}>
    <article
      aria-label={role === "user" ? i18n.t("chat.you") : i18n.t("chat.coach")}
      aria-busy={streaming || undefined}
      className={cn(
        "max-w-[85%] rounded-2xl px-4 py-3 text-sm leading-relaxed shadow-sm",
        role === "user"
          ? "rounded-br-md bg-brand-600 text-white"
          : "rounded-bl-md bg-white text-slate-800 ring-1 ring-slate-200",
      )}
    >
      <div className={cn("break-words", role === "user" && "whitespace-pre-wrap")}>{children}</div>
      {footer}
      {(at !== undefined || actions) && (
        <div className="mt-1 flex flex-wrap items-center gap-2">
          {at !== undefined && (
            <p className={cn("text-[11px]", role === "user" ? "text-brand-100" : "text-slate-400")}>
              {at >= startOfToday() ? formatTime(at) : formatDateTime(at)}
            </p>
          )}
          {actions}
        </div>
      )}
    </article>
  </li>
);

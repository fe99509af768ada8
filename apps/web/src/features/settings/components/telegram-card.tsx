import { Badge } from "../../../components/ui/badge.tsx";
import { Button, buttonClass } from "../../../components/ui/button.tsx";
import { Card, CardHeader } from "../../../components/ui/card.tsx";
import { QueryState } from "../../../components/ui/query-state.tsx";
import { FormError } from "../../../components/ui/states.tsx";
import { formatDateTime } from "../../../lib/format.ts";
import {
  useTelegram,
  useTelegramBot,
  useTelegramLinkToken,
  useUnlinkTelegram,
  type TTelegramConnection,
} from "../api/telegram.ts";
import { useTranslation } from "../../../lib/i18n/index.ts";

/** This server has no Telegram bot set up: say so, and what would set it up, instead of offering a link that cannot work. */
const NoBot = ({ connection }: { connection: TTelegramConnection | null }) => {
  const { t } = useTranslation();
  return (
    <div className="space-y-2 text-sm text-slate-700">
      <p>
        <Badge>{t("telegram.notAvailable")}</Badge> {t("telegram.noBot")}
        {connection?.isActive ? t("telegram.stillLinked") : ""}
      </p>
      <p className="text-xs text-slate-600">{t("telegram.noBotHint")}</p>
    </div>
  );
};

const TelegramLink = ({
  connection,
  botUsername,
}: {
  connection: TTelegramConnection | null;
  botUsername: string | null;
}) => {
  const link = useTelegramLinkToken();
  const unlink = useUnlinkTelegram();
  const linked = Boolean(connection?.telegramChatId && connection.isActive);
  const { t } = useTranslation();
  return (
    <div className="space-y-4">
      {linked ? (
        <p className="flex flex-wrap items-center gap-2 text-sm text-slate-700">
          <Badge tone="success">{t("telegram.linked")}</Badge>
          {connection?.telegramUsername ? `@${connection.telegramUsername}` : t("telegram.aChat")}
          {connection?.connectedAt && (
            <span className="text-slate-500">
              {t("telegram.since", { date: formatDateTime(connection.connectedAt) })}
            </span>
          )}
        </p>
      ) : (
        <p className="text-sm text-slate-600">{t("telegram.notLinked")}</p>
      )}
      <FormError error={link.error ?? unlink.error} />
      {link.data && !linked && (
        <div
          role="status"
          className="space-y-3 rounded-lg bg-brand-50 p-4 text-sm text-slate-800 ring-1 ring-brand-200"
        >
          {link.data.deepLink && (
            <>
              <p>{t("telegram.openChat", { bot: link.data.botUsername ?? botUsername ?? "" })}</p>
              <a className={buttonClass("primary")} href={link.data.deepLink} target="_blank" rel="noopener noreferrer">
                {t("telegram.open")}
              </a>
              <p>{t("telegram.orSend")}</p>
            </>
          )}
          {!link.data.deepLink && (
            <p>{t("telegram.sendTo", { bot: botUsername ? `@${botUsername}` : t("telegram.unnamedBot") })}</p>
          )}
          <code className="block select-all break-all rounded-md bg-white px-3 py-2 font-mono text-sm ring-1 ring-slate-200">
            /start {link.data.linkToken}
          </code>
          <p className="text-xs text-slate-600">{t("telegram.once")}</p>
        </div>
      )}
      <div className="flex flex-wrap gap-2">
        {/* A linked chat is unlinked before another can be linked (the API answers 409 otherwise). */}
        {linked ? (
          <Button
            variant="secondary"
            onClick={() => unlink.mutate(undefined, { onSuccess: () => link.reset() })}
            loading={unlink.isPending}
          >
            {t("telegram.unlink")}
          </Button>
        ) : (
          <Button onClick={() => link.mutate()} loading={link.isPending}>
            {t(link.data ? "telegram.newCode" : "telegram.link")}
          </Button>
        )}
      </div>
    </div>
  );
};

/** Link a Telegram chat with a one-time token: the person sends `/start <token>` to the bot. */
export const TelegramCard = () => {
  const connection = useTelegram();
  const bot = useTelegramBot();
  const { t } = useTranslation();
  return (
    <Card aria-labelledby="telegram-title">
      <CardHeader
        title={<span id="telegram-title">{t("telegram.title")}</span>}
        description={t("telegram.description")}
      />
      <QueryState query={connection}>
        {(data) => (
          <QueryState query={bot}>
            {(status) =>
              status.linkable ? (
                <TelegramLink connection={data} botUsername={status.botUsername} />
              ) : (
                <NoBot connection={data} />
              )
            }
          </QueryState>
        )}
      </QueryState>
    </Card>
  );
};

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

/** This server has no Telegram bot set up: say so, and what would set it up, instead of offering a link that cannot work. */
const NoBot = ({ connection }: { connection: TTelegramConnection | null }) => (
  <div className="space-y-2 text-sm text-slate-700">
    <p>
      <Badge>Not available</Badge> Telegram is not set up on this Cto server, so a chat cannot be linked here.
      {connection?.isActive ? " Your chat linked earlier stays linked." : ""}
    </p>
    <p className="text-xs text-slate-600">
      Whoever runs this server turns it on by creating a bot with BotFather and setting TELEGRAM_BOT_TOKEN (worker),
      TELEGRAM_WEBHOOK_SECRET and TELEGRAM_BOT_USERNAME (API). Until then, reminders arrive here in Cto.
    </p>
  </div>
);

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
  return (
    <div className="space-y-4">
      {linked ? (
        <p className="flex flex-wrap items-center gap-2 text-sm text-slate-700">
          <Badge tone="success">Linked</Badge>
          {connection?.telegramUsername ? `@${connection.telegramUsername}` : "A Telegram chat"}
          {connection?.connectedAt && (
            <span className="text-slate-500">since {formatDateTime(connection.connectedAt)}</span>
          )}
        </p>
      ) : (
        <p className="text-sm text-slate-600">Not linked yet.</p>
      )}
      <FormError error={link.error ?? unlink.error} />
      {link.data && !linked && (
        <div
          role="status"
          className="space-y-3 rounded-lg bg-brand-50 p-4 text-sm text-slate-800 ring-1 ring-brand-200"
        >
          {link.data.deepLink && (
            <>
              <p>Open the chat with @{link.data.botUsername ?? botUsername} and press Start within 15 minutes:</p>
              <a className={buttonClass("primary")} href={link.data.deepLink} target="_blank" rel="noopener noreferrer">
                Open Telegram
              </a>
              <p>Or send it this message yourself:</p>
            </>
          )}
          {!link.data.deepLink && (
            <p>
              In Telegram, open the chat with{" "}
              {botUsername ? `@${botUsername}` : "this server's Cto bot (ask whoever runs it for its name)"} and send
              this message within 15 minutes:
            </p>
          )}
          <code className="block select-all break-all rounded-md bg-white px-3 py-2 font-mono text-sm ring-1 ring-slate-200">
            /start {link.data.linkToken}
          </code>
          <p className="text-xs text-slate-600">It works once. Getting a new code cancels this one.</p>
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
            Unlink Telegram
          </Button>
        ) : (
          <Button onClick={() => link.mutate()} loading={link.isPending}>
            {link.data ? "Get a new code" : "Link Telegram"}
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
  return (
    <Card aria-labelledby="telegram-title">
      <CardHeader
        title={<span id="telegram-title">Telegram</span>}
        description="Get reminders and talk to your coach from Telegram."
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

import QRCode from "qrcode";
import { useEffect, useState, type FormEvent } from "react";

import { Badge } from "../../../components/ui/badge.tsx";
import { Button } from "../../../components/ui/button.tsx";
import { Card, CardHeader } from "../../../components/ui/card.tsx";
import { Field } from "../../../components/ui/field.tsx";
import { Input } from "../../../components/ui/input.tsx";
import { QueryState } from "../../../components/ui/query-state.tsx";
import { FormError } from "../../../components/ui/states.tsx";
import { fieldError } from "../../../lib/api-error.ts";
import { useTranslation } from "../../../lib/i18n/index.ts";
import {
  useConfirmTotp,
  useDisableTotp,
  useRegenerateRecoveryCodes,
  useStartTotp,
  useTwoFactorStatus,
} from "../api/two-factor.ts";
import { SecondFactorFields } from "./step-up-dialog.tsx";

/** The otpauth:// URI as a QR code image (drawn here: the secret never leaves the browser for a QR service). */
const QrCode = ({ uri }: { uri: string }) => {
  const { t } = useTranslation();
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    void QRCode.toDataURL(uri, { margin: 1, width: 200 }).then((url) => current && setSrc(url));
    return () => {
      current = false;
    };
  }, [uri]);
  return src ? <img src={src} width={200} height={200} alt={t("twoFactor.qrAlt")} /> : null;
};

const RecoveryCodes = ({ codes }: { codes: string[] }) => {
  const { t } = useTranslation();
  return (
    <div className="rounded-lg bg-amber-50 p-4 text-sm ring-1 ring-amber-200">
      <p className="font-medium text-amber-900">{t("twoFactor.saveCodes")}</p>
      <output aria-label={t("twoFactor.recoveryCodes")} className="mt-2 grid grid-cols-2 gap-1 font-mono">
        {codes.map((code) => (
          <span key={code}>{code}</span>
        ))}
      </output>
    </div>
  );
};

const Enrol = ({ onCodes }: { onCodes: (codes: string[]) => void }) => {
  const { t } = useTranslation();
  const start = useStartTotp();
  const confirm = useConfirmTotp();
  const [code, setCode] = useState("");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    confirm.mutate(code.trim(), { onSuccess: (data) => onCodes(data.recoveryCodes) });
  };
  if (!start.data)
    return (
      <div className="space-y-2">
        <FormError error={start.error} />
        <Button onClick={() => start.mutate()} loading={start.isPending}>
          {t("twoFactor.setUp")}
        </Button>
      </div>
    );
  return (
    <form onSubmit={submit} className="space-y-3" aria-label={t("twoFactor.formLabel")}>
      <p className="text-sm text-slate-600">{t("twoFactor.scan")}</p>
      <QrCode uri={start.data.otpauthUri} />
      <p className="text-sm">
        {t("twoFactor.key")}{" "}
        <code data-testid="totp-secret" className="select-all break-all font-mono">
          {start.data.secret}
        </code>
      </p>
      <FormError error={fieldError(confirm.error, "code") ? null : confirm.error} />
      <div className="flex flex-wrap items-end gap-3">
        <Field label={t("twoFactor.code")} className="min-w-40" error={fieldError(confirm.error, "code")}>
          <Input
            name="totp-code"
            inputMode="numeric"
            autoComplete="one-time-code"
            required
            value={code}
            onChange={(event) => setCode(event.target.value)}
          />
        </Field>
        <Button type="submit" loading={confirm.isPending}>
          {t("twoFactor.turnOn")}
        </Button>
      </div>
    </form>
  );
};

const Manage = ({
  recoveryCodesLeft,
  onCodes,
}: {
  recoveryCodesLeft: number;
  onCodes: (codes: string[] | null) => void;
}) => {
  const { t } = useTranslation();
  const disable = useDisableTotp();
  const regenerate = useRegenerateRecoveryCodes();
  const [code, setCode] = useState("");
  const [recovery, setRecovery] = useState(false);
  const proof = () => ({ method: recovery ? ("recovery_code" as const) : ("totp" as const), code });
  const error = disable.error ?? regenerate.error;
  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-600">{t("twoFactor.status", { count: recoveryCodesLeft })}</p>
      <FormError error={fieldError(error, "code") ? null : error} />
      <SecondFactorFields code={code} onCode={setCode} recovery={recovery} onRecovery={setRecovery} error={error} />
      <div className="flex flex-wrap gap-2">
        <Button
          variant="secondary"
          disabled={!code.trim()}
          loading={regenerate.isPending}
          onClick={() =>
            regenerate.mutate(proof(), {
              onSuccess: (data) => {
                setCode("");
                onCodes(data.recoveryCodes);
              },
            })
          }
        >
          {t("twoFactor.newCodes")}
        </Button>
        <Button
          variant="danger"
          disabled={!code.trim()}
          loading={disable.isPending}
          onClick={() =>
            disable.mutate(proof(), {
              onSuccess: () => {
                setCode("");
                onCodes(null);
              },
            })
          }
        >
          {t("twoFactor.turnOff")}
        </Button>
      </div>
    </div>
  );
};

/** Two-factor sign-in with an authenticator app (TOTP) and one-time recovery codes. */
export const TwoFactorCard = () => {
  const { t } = useTranslation();
  const status = useTwoFactorStatus();
  // Kept here, not in the form that got them: the card switches to "on" as soon as they arrive.
  const [codes, setCodes] = useState<string[] | null>(null);
  return (
    <Card aria-labelledby="two-factor-title">
      <CardHeader
        title={
          <span id="two-factor-title">
            {t("twoFactor.title")}{" "}
            {status.data?.totp === "on" && (
              <Badge tone="success" className="ml-2">
                {t("twoFactor.on")}
              </Badge>
            )}
          </span>
        }
        description={t("twoFactor.description")}
      />
      <div className="space-y-4">
        {codes && <RecoveryCodes codes={codes} />}
        <QueryState query={status}>
          {(current) =>
            current.totp === "on" ? (
              <Manage recoveryCodesLeft={current.recoveryCodesLeft} onCodes={setCodes} />
            ) : (
              <Enrol onCodes={setCodes} />
            )
          }
        </QueryState>
      </div>
    </Card>
  );
};

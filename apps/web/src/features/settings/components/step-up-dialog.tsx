import { useState, type FormEvent, type ReactNode } from "react";

import { Button } from "../../../components/ui/button.tsx";
import { Dialog } from "../../../components/ui/dialog.tsx";
import { Field } from "../../../components/ui/field.tsx";
import { Input } from "../../../components/ui/input.tsx";
import { FormError } from "../../../components/ui/states.tsx";
import { fieldError } from "../../../lib/api-error.ts";
import { usePasskeyStepUp } from "../api/passkeys.ts";
import { needsSecondFactor, useStepUp, useTwoFactorStatus } from "../api/two-factor.ts";
import { useTranslation } from "../../../lib/i18n/index.ts";

/** The code field of a step-up or a two-factor change: authenticator code, or a recovery code instead. */
export const SecondFactorFields = ({
  code,
  onCode,
  recovery,
  onRecovery,
  error,
}: {
  code: string;
  onCode: (code: string) => void;
  recovery: boolean;
  onRecovery: (recovery: boolean) => void;
  error: unknown;
}) => {
  const { t } = useTranslation();
  return (
    <div className="space-y-2">
      <Field label={t(recovery ? "stepUp.recoveryCode" : "stepUp.authenticatorCode")} error={fieldError(error, "code")}>
        <Input
          name="second-factor-code"
          autoComplete="one-time-code"
          inputMode={recovery ? "text" : "numeric"}
          required
          value={code}
          onChange={(event) => onCode(event.target.value)}
        />
      </Field>
      <button
        type="button"
        className="text-sm font-medium text-brand-700 hover:underline"
        onClick={() => onRecovery(!recovery)}
      >
        {t(recovery ? "stepUp.useAuthenticator" : "stepUp.useRecovery")}
      </button>
    </div>
  );
};

/**
 * Sensitive actions answer 403 second_factor_required when two-factor is on and this session has not
 * proven it lately: `ask(error, retry)` opens a code prompt for such an error and runs `retry` once it is proven.
 */
export const useSecondFactorPrompt = (): {
  ask: (error: unknown, retry: () => void) => void;
  open: (then: () => void) => void;
  prompt: ReactNode;
} => {
  const [retry, setRetry] = useState<(() => void) | null>(null);
  const [code, setCode] = useState("");
  const [recovery, setRecovery] = useState(false);
  const stepUp = useStepUp();
  const passkeyStepUp = usePasskeyStepUp();
  const status = useTwoFactorStatus();
  const hasTotp = status.data?.totp === "on";
  const hasPasskey = (status.data?.passkeys ?? 0) > 0;
  const { t } = useTranslation();
  const close = () => {
    setRetry(null);
    setCode("");
    stepUp.reset();
    passkeyStepUp.reset();
  };
  const proven = () => {
    const again = retry;
    close();
    again?.();
  };
  const provePasskey = () => passkeyStepUp.mutate(undefined, { onSuccess: proven });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    stepUp.mutate({ method: recovery ? "recovery_code" : "totp", code }, { onSuccess: proven });
  };
  const prompt = (
    <Dialog
      open={retry !== null}
      onClose={close}
      title={t("stepUp.title")}
      description={t(hasTotp ? "stepUp.withTotp" : "stepUp.passkeyOnly")}
      footer={
        <>
          <Button variant="secondary" onClick={close}>
            {t("stepUp.cancel")}
          </Button>
          {hasPasskey && (
            <Button
              variant={hasTotp ? "secondary" : "primary"}
              loading={passkeyStepUp.isPending}
              onClick={provePasskey}
            >
              {t("stepUp.usePasskey")}
            </Button>
          )}
          {(hasTotp || !hasPasskey) && (
            <Button type="submit" form="step-up-form" loading={stepUp.isPending} disabled={!code.trim()}>
              {t("stepUp.confirm")}
            </Button>
          )}
        </>
      }
    >
      <form id="step-up-form" onSubmit={submit} className="space-y-3">
        <FormError error={fieldError(stepUp.error, "code") ? null : stepUp.error} />
        <FormError error={passkeyStepUp.error} />
        {(hasTotp || !hasPasskey) && (
          <SecondFactorFields
            code={code}
            onCode={setCode}
            recovery={recovery}
            onRecovery={setRecovery}
            error={stepUp.error}
          />
        )}
      </form>
    </Dialog>
  );
  return {
    ask: (error, again) => {
      if (needsSecondFactor(error)) setRetry(() => again);
    },
    open: (then) => setRetry(() => then),
    prompt,
  };
};

import { Link, useNavigate, useSearch } from "@tanstack/react-router";
import { useState } from "react";

import { Button } from "../../../components/ui/button.tsx";
import { Field } from "../../../components/ui/field.tsx";
import { Input } from "../../../components/ui/input.tsx";
import { FormError } from "../../../components/ui/states.tsx";
import { providerRefusalMessage } from "../../../lib/provider-refusals.ts";
import { usePasskeySecondFactor, usePasskeySignIn } from "../api/passkey-sign-in.ts";
import { useCompleteSignIn } from "../api/second-factor.ts";
import { isChallenge, type TSignInChallenge, useSignIn } from "../api/sign-in.ts";
import { useTranslation } from "../../../lib/i18n/index.ts";
import { AuthCard } from "./auth-card.tsx";
import { AuthForm, EmailField, fieldErrorsOf } from "./auth-form.tsx";
import { ProviderButtons } from "./provider-buttons.tsx";

// Only same-app paths: a redirect parameter must not send someone to another site after signing in.
export const safeRedirect = (target: unknown) =>
  typeof target === "string" && target.startsWith("/") && !target.startsWith("//") ? target : "/";

/** The second step with a passkey: the browser asks for one of the account's passkeys. */
const PasskeyStep = ({ challenge, onDone }: { challenge: TSignInChallenge; onDone: () => void }) => {
  const complete = usePasskeySecondFactor();
  const { t } = useTranslation();
  return (
    <div className="space-y-3">
      <FormError error={complete.error} />
      <Button
        className="w-full"
        variant={challenge.methods.includes("totp") ? "secondary" : "primary"}
        loading={complete.isPending}
        onClick={() => complete.mutate(challenge.challengeToken, { onSuccess: onDone })}
      >
        {t("auth.secondFactor.usePasskey")}
      </Button>
    </div>
  );
};

/** The second step when two-factor is on: a code from the authenticator app, a recovery code, or a passkey. */
const SecondFactorStep = ({ challenge, onDone }: { challenge: TSignInChallenge; onDone: () => void }) => {
  const passkey = challenge.methods.includes("passkey") && <PasskeyStep challenge={challenge} onDone={onDone} />;
  if (!challenge.methods.includes("totp")) return passkey;
  return (
    <div className="space-y-4">
      <CodeStep challenge={challenge} onDone={onDone} />
      {passkey}
    </div>
  );
};

const CodeStep = ({ challenge, onDone }: { challenge: TSignInChallenge; onDone: () => void }) => {
  const complete = useCompleteSignIn();
  const [code, setCode] = useState("");
  const [recovery, setRecovery] = useState(false);
  const { t } = useTranslation();
  const submit = () =>
    complete.mutate(
      { challengeToken: challenge.challengeToken, method: recovery ? "recovery_code" : "totp", code },
      { onSuccess: onDone },
    );
  return (
    <AuthForm mutation={complete} onSubmit={submit} submitLabel={t("auth.secondFactor.verify")}>
      <Field
        label={t(recovery ? "auth.secondFactor.recoveryCode" : "auth.secondFactor.appCode")}
        error={fieldErrorsOf(complete.error).code}
      >
        <Input
          name="code"
          autoComplete="one-time-code"
          inputMode={recovery ? "text" : "numeric"}
          required
          autoFocus
          value={code}
          onChange={(event) => setCode(event.target.value)}
        />
      </Field>
      <div className="flex justify-end text-sm">
        <button
          type="button"
          className="font-medium text-brand-700 hover:underline"
          onClick={() => setRecovery(!recovery)}
        >
          {t(recovery ? "auth.secondFactor.useApp" : "auth.secondFactor.useRecovery")}
        </button>
      </div>
    </AuthForm>
  );
};

/**
 * A provider's sign-in of an account with two-factor on comes back with its challenge in the URL's
 * fragment (never sent to a server); the page then asks for the code as after a password.
 */
const challengeFromFragment = (): TSignInChallenge | null => {
  const token = new URLSearchParams(globalThis.location?.hash.slice(1) ?? "").get("challenge");
  if (!token) return null;
  globalThis.history?.replaceState(null, "", globalThis.location.pathname + globalThis.location.search);
  return {
    status: "second_factor_required",
    challengeToken: token,
    // Which factors the account has is not in the URL: all are offered, and the API refuses one it lacks.
    methods: ["totp", "recovery_code", "passkey"],
    expiresAt: Date.now() + 5 * 60_000,
  };
};

/** Sign in with a passkey alone: no email or password, the browser offers this site's passkeys. */
const PasskeySignIn = ({ onDone }: { onDone: () => void }) => {
  const signIn = usePasskeySignIn();
  const { t } = useTranslation();
  return (
    <div className="mt-4 space-y-3 border-t border-slate-100 pt-4">
      <FormError error={signIn.error} />
      <Button
        className="w-full"
        variant="secondary"
        loading={signIn.isPending}
        onClick={() => signIn.mutate(undefined, { onSuccess: onDone })}
      >
        {t("auth.passkeySignIn")}
      </Button>
    </div>
  );
};

export const SignInPage = () => {
  const { t } = useTranslation();
  const search = useSearch({ strict: false }) as {
    redirect?: string;
    link?: string;
    email?: string;
    provider_error?: string;
  };
  const refused = providerRefusalMessage(search.provider_error);
  const navigate = useNavigate();
  const signIn = useSignIn();
  const [form, setForm] = useState({ email: search.email ?? "", password: "" });
  const [challenge, setChallenge] = useState<TSignInChallenge | null>(challengeFromFragment);
  const fields = fieldErrorsOf(signIn.error);
  const done = () => void navigate({ to: safeRedirect(search.redirect) });
  const submit = () =>
    signIn.mutate(form, { onSuccess: (answer) => (isChallenge(answer) ? setChallenge(answer) : done()) });

  if (challenge)
    return (
      <AuthCard
        title={t("auth.secondFactor.title")}
        description={t(
          challenge.methods.includes("totp") ? "auth.secondFactor.withTotp" : "auth.secondFactor.passkeyOnly",
        )}
      >
        <SecondFactorStep challenge={challenge} onDone={done} />
      </AuthCard>
    );

  return (
    <AuthCard
      title={t("auth.signInPage.title")}
      description={t("auth.signInPage.description")}
      footer={
        <>
          {t("auth.signInPage.newHere")}{" "}
          <Link to="/sign-up" className="font-medium text-brand-700 hover:underline">
            {t("auth.signInPage.createAccount")}
          </Link>
        </>
      }
    >
      {refused && (
        <p role="alert" className="mb-4 rounded-lg bg-red-50 p-3 text-sm text-red-800 ring-1 ring-red-200">
          {refused}
        </p>
      )}
      {search.link ? (
        <p role="status" className="mb-4 rounded-lg bg-brand-50 p-3 text-sm text-brand-900">
          An account with this email already exists. Sign in with its password to link your {search.link} account to it;
          after that, either way signs you in.
        </p>
      ) : (
        <ProviderButtons />
      )}
      <AuthForm mutation={signIn} onSubmit={submit} submitLabel={t("auth.signIn")}>
        <EmailField value={form.email} onChange={(email) => setForm({ ...form, email })} error={fields.email} />
        <Field label={t("auth.password")} error={fields.password}>
          <Input
            type="password"
            name="password"
            autoComplete="current-password"
            required
            value={form.password}
            onChange={(event) => setForm({ ...form, password: event.target.value })}
          />
        </Field>
        <div className="flex justify-end text-sm">
          <Link to="/forgot-password" className="font-medium text-brand-700 hover:underline">
            {t("auth.signInPage.forgotPassword")}
          </Link>
        </div>
      </AuthForm>
      <PasskeySignIn onDone={done} />
    </AuthCard>
  );
};

import { providerStartUrl, useProviders } from "../api/providers.ts";

/** "Continue with …" for each configured provider; nothing at all when none is, or the list fails to load. */
export const ProviderButtons = () => {
  const providers = useProviders();
  const list = providers.data?.providers ?? [];
  if (list.length === 0) return null;
  return (
    <div className="mb-6 space-y-2">
      {list.map((provider) => (
        <a
          key={provider.id}
          href={providerStartUrl(provider.id)}
          className="flex w-full items-center justify-center rounded-lg px-3 py-2 text-sm font-medium text-slate-800 ring-1 ring-slate-300 hover:bg-slate-50"
        >
          Continue with {provider.name}
        </a>
      ))}
      <p className="pt-2 text-center text-xs uppercase tracking-wide text-slate-400">or with your email</p>
    </div>
  );
};

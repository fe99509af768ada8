import { cloneElement, isValidElement, useId, type ReactElement, type ReactNode } from "react";

type TControlProps = { id?: string; "aria-invalid"?: boolean; "aria-describedby"?: string };

export type TFieldProps = {
  label: ReactNode;
  error?: string | undefined;
  hint?: ReactNode;
  children: ReactElement<TControlProps>;
  className?: string;
  optional?: boolean;
};

/**
 * A label, one control, an optional hint and an error. It wires `id`, `aria-invalid` and
 * `aria-describedby` onto the control, so every input is labelled and its error is read out with it.
 */
export const Field = ({ label, error, hint, children, className, optional }: TFieldProps) => {
  const generated = useId();
  const id = children.props.id ?? generated;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  const control = isValidElement(children)
    ? cloneElement(children, { id, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy })
    : children;
  return (
    <div className={className}>
      <label htmlFor={id} className="mb-1.5 block text-sm font-medium text-slate-800">
        {label}
        {optional && <span className="ml-1 font-normal text-slate-500">(optional)</span>}
      </label>
      {control}
      {hint && (
        <p id={hintId} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="mt-1 text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
};

import { useLayoutEffect, useRef, useState } from "react";

/**
 * The error a form shows on top: none while one of its fields is marked invalid (the error is shown
 * there), otherwise the error itself — also when the API names a field the form does not have (a
 * database constraint, say), which would otherwise be shown nowhere. Put `ref` on the <form>.
 */
export const useFormError = (error: unknown) => {
  const ref = useRef<HTMLFormElement>(null);
  const [atField, setAtField] = useState(false);
  // After every render: the form's own checks mark fields too. Setting the same value again is a no-op.
  useLayoutEffect(() => {
    setAtField(Boolean(ref.current?.querySelector('[aria-invalid="true"]')));
  });
  return { ref, error: error && !atField ? error : null };
};

import type { FormEvent, ReactNode } from "react";

import { Button } from "./button.tsx";
import { Dialog } from "./dialog.tsx";
import { FormError } from "./states.tsx";
import { useFormError } from "./use-form-error.ts";
import { useTranslation } from "../../lib/i18n/index.ts";

type TFormDialogProps = {
  open: boolean;
  onClose: () => void;
  title: string;
  description?: ReactNode;
  /** The mutation's error: shown on top unless a field shows it. */
  error: unknown;
  pending: boolean;
  submitLabel: string;
  onSubmit: () => void;
  children: ReactNode;
};

/** A dialog that is one form: the form-level error, the fields, and Cancel / submit (busy while saving). */
export const FormDialog = ({
  open,
  onClose,
  title,
  description,
  error,
  pending,
  submitLabel,
  onSubmit,
  children,
}: TFormDialogProps) => {
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  const formError = useFormError(error);
  const { t } = useTranslation();
  return (
    <Dialog open={open} onClose={onClose} title={title} description={description}>
      <form ref={formError.ref} onSubmit={submit} className="space-y-4">
        <FormError error={formError.error} />
        {children}
        <div className="flex justify-end gap-2 pt-2">
          <Button variant="secondary" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={pending}>
            {submitLabel}
          </Button>
        </div>
      </form>
    </Dialog>
  );
};

import type { FormEvent, ReactNode } from "react";

import { ApiError } from "../../lib/api-error.ts";
import { Button } from "./button.tsx";
import { Dialog } from "./dialog.tsx";
import { FormError } from "./states.tsx";

type TFormDialogProps = {
  open: boolean;
  onClose: () => void;
  title: string;
  description?: ReactNode;
  /** The mutation's error: shown on top unless it names fields (those show at their fields). */
  error: unknown;
  pending: boolean;
  submitLabel: string;
  onSubmit: () => void;
  children: ReactNode;
};

/** A dialog that is one form: the form-level error, the fields, and Cancel / submit (busy while saving). */
export const FormDialog = ({ open, onClose, title, description, error, pending, submitLabel, onSubmit, children }: TFormDialogProps) => {
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  const namesFields = error instanceof ApiError && Object.keys(error.fields).length > 0;
  return (
    <Dialog open={open} onClose={onClose} title={title} description={description}>
      <form onSubmit={submit} className="space-y-4">
        <FormError error={error && !namesFields ? error : null} />
        {children}
        <div className="flex justify-end gap-2 pt-2">
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={pending}>
            {submitLabel}
          </Button>
        </div>
      </form>
    </Dialog>
  );
};

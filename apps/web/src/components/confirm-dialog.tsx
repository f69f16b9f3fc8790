/**
 * "Are you sure?" for destructive actions, on the native <dialog> (focus kept inside, Escape
 * cancels). Rendered where it is used, so it stays inside the main landmark. Mount it to open it.
 */
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { Alert, Button, ButtonGroup } from '@trussworks/react-uswds';

type Props = {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  busy?: boolean;
  error?: string | null;
};

export function ConfirmDialog({ title, children, confirmLabel, onConfirm, onCancel, busy = false, error = null }: Props) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const bodyId = useId();

  useEffect(() => {
    const dialog = dialogRef.current;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (dialog && !dialog.open) dialog.showModal();
    // The safe choice has focus first.
    cancelRef.current?.focus();
    return () => {
      if (dialog?.open) dialog.close();
      // The opener may be gone (its row was deleted); then the page heading takes focus.
      const target = opener?.isConnected ? opener : document.querySelector<HTMLElement>('main h1');
      target?.focus();
    };
  }, []);

  return (
    <dialog
      ref={dialogRef}
      className="gb-dialog"
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) onCancel();
      }}
    >
      <h2 id={titleId} className="margin-top-0">
        {title}
      </h2>
      <div id={bodyId}>{children}</div>
      {error && (
        <Alert type="error" headingLevel="h3" slim role="alert">
          {error}
        </Alert>
      )}
      <ButtonGroup className="margin-top-3">
        <Button type="button" secondary onClick={onConfirm} disabled={busy}>
          {busy ? 'Working…' : confirmLabel}
        </Button>
        <Button type="button" outline onClick={onCancel} disabled={busy} ref={cancelRef}>
          Cancel
        </Button>
      </ButtonGroup>
    </dialog>
  );
}

/**
 * A native <dialog> that is open as a modal exactly when `open` is true: showModal() gives the
 * focus trap, Escape and the inert page for free. Returns the ref to put on the <dialog>.
 */
import { useEffect, useRef } from 'react';

export function useModalDialog(open: boolean) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return ref;
}

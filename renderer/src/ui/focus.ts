// The caret in a dialog's field once it has opened. autoFocus alone loses it when animations are
// off (useReducedMotion): the dialog then locks the focus inside itself after its fields have
// mounted and gives it to its close button. Pass as a Modal's afterOpenChange; a field that has the
// focus already keeps it.

const FIELD = 'input:not([disabled]):not([type="hidden"]):not([type="checkbox"]):not([type="radio"]), textarea:not([disabled])';

/** Focuses the field `selector` finds in the open dialog's body (its first field by default). */
export function focusOnOpen(selector = FIELD): (open: boolean) => void {
  return (open) => {
    if (!open) return;
    const wraps = [...document.querySelectorAll<HTMLElement>('.ant-modal-wrap')].filter((w) => w.style.display !== 'none');
    const body = wraps.at(-1)?.querySelector('.ant-modal-body');
    if (!body) return;
    const active = document.activeElement;
    if (active && body.contains(active) && active.matches('input, textarea')) return;
    body.querySelector<HTMLElement>(selector)?.focus();
  };
}

export const focusFirstField = focusOnOpen();

/**
 * Brings the first input marked invalid (`aria-invalid="true"`, in page order) into view and focuses it, so after a
 * refused save the person lands on what to fix. A marked group (a fieldset of checkboxes) gets its first control
 * focused.
 */
export function focusFirstInvalid(container: HTMLElement | null): void {
  const marked = container?.querySelector<HTMLElement>('[aria-invalid="true"]');
  if (!marked) return;
  const target =
    marked instanceof HTMLFieldSetElement
      ? (marked.querySelector<HTMLElement>('input, select, textarea') ?? marked)
      : marked;
  target.scrollIntoView?.({ block: 'center' });
  target.focus({ preventScroll: true });
}

/**
 * Whether the agent is writing a reply: the focus is in the ticket's composer (set to write a reply,
 * not a note or a forward: the controller's `inComposer`) *and* the agent put it
 * there or typed in it. A helpdesk (or the demo's editor) that focuses its composer as the page loads
 * has not started a reply, and folding the customer's card then would hide who they are just when
 * the agent looks.
 */
export interface ComposingWatch {
  doc: Document;
  signal: AbortSignal;
  /** The composer of the open ticket holds this element. */
  inComposer(element: Element): boolean;
  /** Whether the agent was writing (asked when the focus moves into the sidebar's host element). */
  current(): boolean;
  onChange(composing: boolean): void;
}

/** A click or key press this recent put the focus where it is. */
const GESTURE_MS = 1000;
/** Leaving for the rest of the page ends it after this pause: a click passing through reshuffles nothing. */
const LEAVE_MS = 400;

export function watchComposing(watch: ComposingWatch): void {
  const { doc, signal } = watch;
  let lastGesture = -Infinity;
  let engaged = false;
  let leaving: ReturnType<typeof setTimeout> | undefined;

  const focusInComposer = () => {
    const active = doc.activeElement;
    return !!active && active.localName !== 'rapport-sidebar' && watch.inComposer(active);
  };
  const now = () => {
    const active = doc.activeElement;
    if (active?.localName === 'rapport-sidebar') return watch.current();
    return engaged && focusInComposer();
  };
  const update = () => {
    clearTimeout(leaving);
    const next = now();
    if (next === watch.current()) return;
    if (next) return watch.onChange(true);
    leaving = setTimeout(() => now() || watch.onChange(false), LEAVE_MS);
  };
  const gesture = () => {
    lastGesture = performance.now();
    // A key pressed or a click inside a composer that took the focus on its own: now they are writing.
    if (!engaged && focusInComposer()) { // once engaged, a key costs a clock read, no page query
      engaged = true;
      update();
    }
  };
  const focusIn = () => {
    const inSidebar = doc.activeElement?.localName === 'rapport-sidebar';
    if (!focusInComposer()) engaged &&= inSidebar; // the sidebar keeps it: its insert helper comes back
    else if (performance.now() - lastGesture < GESTURE_MS) engaged = true;
    update();
  };
  const options = { capture: true, signal };
  doc.addEventListener('pointerdown', gesture, options);
  doc.addEventListener('keydown', gesture, options);
  doc.addEventListener('focusin', focusIn, options);
  doc.addEventListener('focusout', () => queueMicrotask(update), options);
  signal.addEventListener('abort', () => clearTimeout(leaving), { once: true });
}

/** Loading demo helpdesk pages (demo/) into happy-dom for the tests next to this file. */

/** The pages link their stylesheets (also inside the 2026 shadow roots); happy-dom loads no CSS. */
export function quietStylesheets(): void {
  const happyDOM = (window as unknown as { happyDOM: { settings: { handleDisabledFileLoadingAsSuccess: boolean } } }).happyDOM;
  happyDOM.settings.handleDisabledFileLoadingAsSuccess = true;
}

/** A fresh document from a rendered page (scripts are not run). */
export function parsePage(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

/**
 * Makes the global `document` the rendered page at `pathname`, without its module script (the test
 * starts the page script itself, so it can stop it afterwards).
 */
export function openPage(html: string, pathname: string): Document {
  const parsed = parsePage(html);
  for (const script of parsed.querySelectorAll('script[src]')) script.remove();
  const root = document.adoptNode(parsed.documentElement);
  document.documentElement.remove();
  document.appendChild(root);
  window.history.replaceState({}, '', pathname);
  return document;
}

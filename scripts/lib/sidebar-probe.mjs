/**
 * "When did the sidebar show the customer?" — shared by scripts/bench-sidebar.mjs (demo helpdesk) and
 * scripts/bench-freescout.mjs (a real FreeScout). `probe` is an init script for every frame: in the
 * helpdesk page it stamps DOMContentLoaded and when the active ticket's pane appears; in Rapport's
 * sidebar frame (an extension page) it stamps when the customer's name appears there, and in the
 * page when the element Rapport reads the customer from has been parsed (`customer`). Times are
 * absolute (timeOrigin + now) so the two documents compare.
 */
// Runs before any page script in every frame. In the helpdesk page: stamps DOMContentLoaded and
// when the active ticket's pane appears. In Rapport's sidebar frame (an extension page): stamps
// when the customer's name appears there. An older build's in-page sidebar (open shadow root) is
// watched from the page. Times are absolute (timeOrigin + now) so the two documents compare.
export const probeFor = (customerSelector) => `(() => {
  const customerSelector = ${JSON.stringify(customerSelector ?? '')};
  const now = () => performance.timeOrigin + performance.now();
  const t = (window.__rapportBench = {});
  const named = (root) => {
    const el = root.querySelector('[data-testid="customer-name"]');
    if (el && el.textContent.trim() && !t.sidebar) t.sidebar = now();
    return !!t.sidebar;
  };
  const watch = (root) => {
    if (named(root)) return;
    const mo = new MutationObserver(() => named(root) && mo.disconnect());
    mo.observe(root, { childList: true, subtree: true, characterData: true });
  };
  if (location.protocol === 'chrome-extension:') {
    if (!location.pathname.endsWith('/sidebar.html')) return;
    // The browser's part: the extension page has committed in the frame and runs its first script
    // (this one, before any of Rapport's). Everything after it and after DOMContentLoaded is Rapport's.
    t.frameStart = now();
    const attach = Element.prototype.attachShadow;
    Element.prototype.attachShadow = function (init) { const root = attach.call(this, init); watch(root); return root; };
    return;
  }
  document.addEventListener('DOMContentLoaded', () => (t.dcl = now()), { once: true });
  const wanted = location.pathname.match(/tickets\\/(\\d+)/)?.[1] ?? '104';
  new MutationObserver((records, mo) => {
    if (!t.pane && document.querySelector('[data-ticket-id="' + wanted + '"]')) t.pane = now();
    const who = customerSelector && !t.customer && document.querySelector(customerSelector.replace('$ID', wanted));
    if (who && who.textContent.trim()) t.customer = now();
    const host = document.querySelector('rapport-sidebar');
    if (host && host.shadowRoot && !host.__watched) { host.__watched = true; watch(host.shadowRoot); }
    if (t.customer && host && (!host.shadowRoot || host.__watched)) mo.disconnect();
  }).observe(document, { childList: true, subtree: true });
})();`;

/** The demo helpdesk's probe: `customer` is when the requester field of the ticket's pane is parsed. */
export const probe = probeFor('[data-ticket-id="$ID"] [data-test-id="ticket-system-field-requester-select"]');

/** The sidebar frame of a page (Rapport's extension page), if it has one. */
export const sidebarFrame = (page) => page.frames().find((f) => /^chrome-extension:\/\/[^/]+\/sidebar\.html/.test(f.url()));

/**
 * The page's stamps plus when the sidebar showed the customer (in the frame, or in-page for an older
 * build) and when the sidebar frame's document started (`frameStart`, the browser's part).
 */
export async function stamps(page) {
  const deadline = Date.now() + 15000;
  for (;;) {
    const t = await page.evaluate(() => ({ ...window.__rapportBench, origin: performance.timeOrigin }));
    const frame = sidebarFrame(page);
    const inFrame = frame ? await frame.evaluate(() => window.__rapportBench).catch(() => undefined) : undefined;
    const sidebar = t.sidebar ?? inFrame?.sidebar;
    if (sidebar) return { ...t, sidebar, frameStart: inFrame?.frameStart };
    if (Date.now() > deadline) throw new Error('the sidebar did not show the customer');
    await new Promise((r) => setTimeout(r, 20));
  }
}

export const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)];
  const r = (x) => Math.round(x * 10) / 10;
  return { runs: s.length, median: r(q(0.5)), p95: r(q(0.95)), min: r(s[0]), max: r(s.at(-1)) };
};


/**
 * The sidebar frame's first script (a classic script in the head of entrypoints/sidebar/index.html,
 * run while the parser reads it): starts listening for the content script's offer before the app's
 * modules are fetched and run (entrypoints/sidebar/offers.ts).
 */
import { offerInbox } from './sidebar/offers';

export default defineUnlistedScript(() => {
  offerInbox();
});

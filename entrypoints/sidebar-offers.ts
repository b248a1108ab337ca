/**
 * The sidebar frame's first script (a deferred classic script in the head of
 * entrypoints/sidebar/index.html, run once the page is parsed): starts listening for the content
 * script's offer before the app's script (entrypoints/sidebar-app.ts) has been fetched and compiled
 * (entrypoints/sidebar/offers.ts).
 */
import { offerInbox } from './sidebar/offers';

export default defineUnlistedScript(() => {
  offerInbox();
});

import type { DemoData } from '../data.mjs';
export interface ZendeskDemoApp {
  data: DemoData;
  navigate(pathname: string): void;
  stop(): void;
}
export interface ZendeskDemoOptions {
  /** Makes a composer element a rich-text editor (the page uses CKEditor 5; tests may leave it out). */
  createEditor?: (element: HTMLElement) => Promise<{ destroy(): unknown; setData(html: string): void; model: unknown }>;
}
export function startZendeskDemo(win?: Window, options?: ZendeskDemoOptions): ZendeskDemoApp;
declare const app: ZendeskDemoApp | null;
export default app;

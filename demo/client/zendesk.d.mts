import type { DemoData } from '../data.mjs';
export interface ZendeskDemoApp {
  data: DemoData;
  navigate(pathname: string): void;
  stop(): void;
}
export function startZendeskDemo(win?: Window): ZendeskDemoApp;
declare const app: ZendeskDemoApp | null;
export default app;

import type { DemoData } from '../data.mjs';
export interface FreshdeskDemoApp {
  data: DemoData;
  navigate(pathname: string): void;
  stop(): void;
}
export function startFreshdeskDemo(win?: Window): FreshdeskDemoApp;
declare const app: FreshdeskDemoApp | null;
export default app;

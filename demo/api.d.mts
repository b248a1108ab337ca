/** Types for api.mjs (plain ESM so Node runs it without a build step). */
export interface ApiAnswer {
  status: number;
  type: string;
  body: string;
  headers: Record<string, string>;
}
export function apiRespond(request: { host?: string; pathname: string; search?: string; now?: Date }): ApiAnswer | undefined;

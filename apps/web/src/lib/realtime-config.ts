/** What `GET /realtime-config` answers (the web server's `API_PUBLIC_URL`, read at runtime). */
export interface RealtimeConfig {
  apiPublicUrl: string;
}

let loaded: Promise<RealtimeConfig> | null = null;

/** Asks the web server once per tab; a failed attempt is not cached, so the next call asks again. */
export function loadRealtimeConfig(): Promise<RealtimeConfig> {
  if (!loaded) {
    loaded = fetch('/realtime-config', { headers: { accept: 'application/json' } })
      .then(async (response) => {
        if (!response.ok) throw new Error(`realtime config: HTTP ${response.status}`);
        return (await response.json()) as RealtimeConfig;
      })
      .catch((error: unknown) => {
        loaded = null;
        throw error;
      });
  }
  return loaded;
}

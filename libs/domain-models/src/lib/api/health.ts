export interface HealthResponse {
  status: 'ok' | 'error';
  mode: 'sandbox' | 'production';
  version: string;
  checks: Record<string, { status: 'up' | 'down'; message?: string }>;
}

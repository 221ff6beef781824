import type { EchoSource } from '@ticklegram/domain-models';

/**
 * App ids Meta stamps on echoes of replies typed in Meta Business Suite / Page Inbox / the native apps.
 * The echo reference prints 26390203743090; integrations observe 263902037430900. Both are accepted.
 */
export const PAGE_INBOX_APP_IDS: readonly string[] = ['263902037430900', '26390203743090'];

/** Labels an echo by its `app_id` (see {@link EchoSource}). */
export function classifyEchoSource(echoAppId: string | null, ourAppId?: string): EchoSource {
  if (echoAppId === null) return 'unknown';
  if (ourAppId !== undefined && ourAppId !== '' && echoAppId === ourAppId) return 'this_app';
  if (PAGE_INBOX_APP_IDS.includes(echoAppId)) return 'native_app';
  return ourAppId ? 'other_app' : 'unknown';
}

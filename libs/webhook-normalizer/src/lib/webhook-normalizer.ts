export function webhookNormalizer(): string {
  return 'webhook-normalizer';
}

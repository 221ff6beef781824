export * from './lib/webhook-normalizer';

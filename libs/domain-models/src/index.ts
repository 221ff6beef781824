export * from './lib/domain-models';

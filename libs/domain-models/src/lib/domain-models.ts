export function domainModels(): string {
  return 'domain-models';
}

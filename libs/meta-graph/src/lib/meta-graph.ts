export function metaGraph(): string {
  return 'meta-graph';
}

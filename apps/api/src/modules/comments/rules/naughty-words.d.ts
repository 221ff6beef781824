/** `naughty-words` ships JSON word lists keyed by language code, without types. */
declare module 'naughty-words' {
  const lists: Record<string, string[]>;
  export = lists;
}

/** A datetime from a raw query: MySQL's driver returns a Date, SQLite `YYYY-MM-DD HH:MM:SS.mmm` text in UTC. */
export function rawDate(value: string | Date): Date {
  if (value instanceof Date) return value;
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value.replace(' ', 'T')}Z`);
}

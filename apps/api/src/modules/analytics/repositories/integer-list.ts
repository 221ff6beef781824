const COMMA = 44;
const MINUS = 45;
const ZERO = 48;
const NINE = 57;

/** Integers parsed from a comma-separated list, and their sum (checked against the database's). */
export interface IntegerList {
  values: Float64Array;
  sum: number;
}

/**
 * Parses a `GROUP_CONCAT` of integers — text, or bytes when the database calls the result binary — without a
 * string per value. An empty or null list is no values; null for anything but integers between commas (a list
 * cut after a comma or a minus sign, for one).
 */
export function parseIntegerList(list: string | Uint8Array | null | undefined): IntegerList | null {
  if (list === null || list === undefined || list.length === 0) return { values: new Float64Array(0), sum: 0 };
  const code = typeof list === 'string' ? (i: number) => list.charCodeAt(i) : (i: number) => list[i];
  let count = 1;
  for (let i = 0; i < list.length; i++) if (code(i) === COMMA) count++;
  const values = new Float64Array(count);
  let sum = 0;
  let k = 0;
  let value = 0;
  let sign = 1;
  let digits = 0;
  const end = () => {
    if (!digits) return false;
    values[k++] = sign * value;
    sum += sign * value;
    [value, sign, digits] = [0, 1, 0];
    return true;
  };
  for (let i = 0; i < list.length; i++) {
    const c = code(i);
    if (c >= ZERO && c <= NINE) {
      value = value * 10 + (c - ZERO);
      digits++;
    } else if (c === COMMA) {
      if (!end()) return null;
    } else if (c === MINUS && !digits && sign === 1) sign = -1;
    else return null;
  }
  return end() ? { values, sum } : null;
}

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
  const text = typeof list === 'string' ? list : Buffer.from(list.buffer, list.byteOffset, list.length).toString('latin1');
  // at most one value per two characters (a digit and a comma): no counting pass
  const values = new Float64Array((text.length + 1) >> 1);
  let sum = 0;
  let k = 0;
  let value = 0;
  let sign = 1;
  let digits = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : COMMA;
    if (c >= ZERO && c <= NINE) {
      value = value * 10 + (c - ZERO);
      digits++;
    } else if (c === COMMA) {
      if (!digits) return null;
      values[k++] = sign * value;
      sum += sign * value;
      value = 0;
      sign = 1;
      digits = 0;
    } else if (c === MINUS && !digits && sign === 1) sign = -1;
    else return null;
  }
  return { values: values.subarray(0, k), sum };
}

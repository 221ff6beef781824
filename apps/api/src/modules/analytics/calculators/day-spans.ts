const DAY_MS = 86_400_000;

export interface Span {
  start: number;
  end: number;
}

/** How to sum `[start, end)` from whole UTC days plus (or minus) 15-minute edges; null: no whole day to use. */
export interface DaySpans {
  days: Span;
  /** Added to the days (sign 1) or taken off them (sign −1). */
  edges: (Span & { sign: 1 | -1 })[];
}

/**
 * `[start, end)` as whole UTC days and edges, each partial day taken by its shorter side: a range ending
 * at a Berlin midnight (22:00 or 23:00 UTC) counts its last UTC day whole and takes off the one or two hours
 * after the end instead of adding the 22 or 23 before it (the edges are read per 15 minutes).
 */
export function daySpans(start: number, end: number): DaySpans | null {
  const edges: DaySpans['edges'] = [];
  const startDay = Math.floor(start / DAY_MS) * DAY_MS;
  const endDay = Math.floor(end / DAY_MS) * DAY_MS;
  let from = start;
  let to = end;
  if (start !== startDay) {
    if (startDay + DAY_MS - start <= start - startDay) {
      from = startDay + DAY_MS;
      edges.push({ start, end: from, sign: 1 });
    } else {
      from = startDay;
      edges.push({ start: startDay, end: start, sign: -1 });
    }
  }
  if (end !== endDay) {
    if (end - endDay <= endDay + DAY_MS - end) {
      to = endDay;
      edges.push({ start: endDay, end, sign: 1 });
    } else {
      to = endDay + DAY_MS;
      edges.push({ start: end, end: to, sign: -1 });
    }
  }
  return from < to ? { days: { start: from, end: to }, edges } : null;
}

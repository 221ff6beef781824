/**
 * The conversation j (+1) or k (-1) moves to. With nothing selected, j opens the first and k the
 * last; at either end it stays put (null).
 */
export function nextConversationHref(order: readonly { id: string; href: string }[], selectedId: string | null, step: 1 | -1): string | null {
  if (order.length === 0) return null;
  const index = selectedId ? order.findIndex((item) => item.id === selectedId) : -1;
  if (index === -1) return (step === 1 ? order[0] : order[order.length - 1])?.href ?? null;
  const next = order[index + step];
  return next ? next.href : null;
}

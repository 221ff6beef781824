import { highlightParts } from '../search-highlight';

/** A search snippet with the matched words marked. */
export function HighlightedText({ text, highlights }: { text: string; highlights: [number, number][] }) {
  return (
    <>
      {highlightParts(text, highlights).map((part, i) =>
        part.hit ? (
          <mark key={i} data-testid="search-highlight" className="rounded-sm bg-amber-200/80 text-inherit dark:bg-amber-500/30">
            {part.text}
          </mark>
        ) : (
          <span key={i}>{part.text}</span>
        ),
      )}
    </>
  );
}

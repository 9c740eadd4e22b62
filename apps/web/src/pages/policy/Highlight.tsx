import { highlightParts } from './search';

/** A text with the search terms marked. */
export function Highlight({ text, terms }: { text: string; terms: readonly string[] }) {
  const parts = highlightParts(text, terms);
  return (
    <>
      {parts.map((p, i) =>
        p.hit ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: pieces of one fixed text, in order
          <mark key={i} style={{ background: '#ffe58f', padding: 0, borderRadius: 2 }}>
            {p.text}
          </mark>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: pieces of one fixed text, in order
          <span key={i}>{p.text}</span>
        ),
      )}
    </>
  );
}

import type { ReactNode } from 'react';

/**
 * The page's h1 where a card or a result already draws the title (a Card's `title`, a Result's
 * `title`): the heading screen readers and axe look for, drawn as the text around it is.
 */
export function PlainHeading({ children }: { children: ReactNode }) {
  return <h1 style={{ fontSize: 'inherit', fontWeight: 'inherit', lineHeight: 'inherit', margin: 0 }}>{children}</h1>;
}

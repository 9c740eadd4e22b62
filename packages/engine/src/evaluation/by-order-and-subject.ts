import type { Work } from './work.js';

/** Catalogue order, then subject (none first): the order of the answer, whatever the order of list items. */
export function byOrderAndSubject<R>(a: Work<R>, b: Work<R>): number {
  return a.order !== b.order
    ? a.order - b.order
    : a.subject === b.subject
      ? 0
      : a.subject === null
        ? -1
        : b.subject === null
          ? 1
          : a.subject < b.subject
            ? -1
            : 1;
}

import { z } from 'zod';

/**
 * Server-side paging of every list (keyset): a page is asked for with `limit` and the `after`
 * cursor of the page before it, and answered with its items under the list's own key (e.g.
 * `applications`) and a `page` object. The cursor is opaque: it names the sort and the last
 * row's sort key and id, so the next page starts exactly after it however many rows were added
 * meanwhile, and costs an index seek, not an offset scan.
 */
export const PAGE_LIMIT_DEFAULT = 50;
export const PAGE_LIMIT_MAX = 500;

/** The query fields every paged list takes; spread into the list's own strict query schema. */
export const pageQueryShape = {
  /** Rows per page, 1 to 500 (50 when left out). */
  limit: z.coerce
    .number({ error: 'expected a whole number of rows per page' })
    .int({ error: 'expected a whole number of rows per page' })
    .min(1, { error: 'expected at least 1 row per page' })
    .max(PAGE_LIMIT_MAX, { error: `expected at most ${PAGE_LIMIT_MAX} rows per page` })
    .default(PAGE_LIMIT_DEFAULT),
  /** The `page.next` of the page before; left out for the first page. */
  after: z.string().min(1).max(1024, { error: 'expected the page.next of the page before' }).optional(),
  /** Ascending or descending (each list names its default). */
  order: z.enum(['asc', 'desc'], { error: 'expected asc or desc' }).optional(),
};

/** What a paged answer says about its page, beside its items. */
export const pageInfoSchema = z.object({
  /** The rows per page asked for. */
  limit: z.number().int(),
  /** The cursor of the next page (pass it as `after`), or null on the last page. */
  next: z.string().nullable(),
  /** How many rows the filters match in all. */
  total: z.number().int(),
});
export type PageInfo = z.output<typeof pageInfoSchema>;

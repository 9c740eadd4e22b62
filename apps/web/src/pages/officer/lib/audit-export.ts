import type { AuditFilters } from '../records-api';

/**
 * GET /api/v1/audit/export.xlsx with the page's filters: every entry they match, in the list's
 * order (newest first), as a workbook in Chinese. An empty filter is left out.
 */
export function auditExportUrl(filters: AuditFilters): string {
  const q = new URLSearchParams();
  for (const key of ['from', 'to', 'actorId', 'action', 'entity', 'entityId'] as const) {
    const value = filters[key];
    if (value !== undefined && value !== '') q.set(key, value);
  }
  const query = q.toString();
  return `/api/v1/audit/export.xlsx${query ? `?${query}` : ''}`;
}

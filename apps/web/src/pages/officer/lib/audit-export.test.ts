import { describe, expect, it } from 'vitest';
import { auditExportUrl } from './audit-export';

describe('the audit workbook’s address', () => {
  it('carries the page’s filters, and no empty one', () => {
    expect(auditExportUrl({})).toBe('/api/v1/audit/export.xlsx');
    expect(auditExportUrl({ from: '2027-03-10', to: '2027-03-12', action: 'call.update', entity: undefined, entityId: '' })).toBe(
      '/api/v1/audit/export.xlsx?from=2027-03-10&to=2027-03-12&action=call.update',
    );
    expect(auditExportUrl({ actorId: 'a b&c', entity: 'call', entityId: 'C/1' })).toBe(
      '/api/v1/audit/export.xlsx?actorId=a+b%26c&entity=call&entityId=C%2F1',
    );
  });
});

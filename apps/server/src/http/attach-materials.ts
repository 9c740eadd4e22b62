import { claimedMeasures, missingMaterials } from '@ftai/policy-fengtai';
import type { InjectClient } from './inject-client.js';

/**
 * A real one-page PDF (A4, one line of text in Helvetica, a correct cross-reference table) that
 * a reader opens: the stand-in for a material in the demo and the tests. `line` is printed on
 * the page (ASCII; parentheses and backslashes escaped).
 */
export function standInPdf(line = 'ftai stand-in material'): Buffer {
  const text = line.replace(/[^\x20-\x7e]/g, '?').replace(/[\\()]/g, (c) => `\\${c}`);
  const content = `BT /F1 14 Tf 72 770 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) pdf += `${String(offset).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

/** The stand-in PDF with its default line. */
export const STAND_IN_PDF = standInPdf();

/**
 * Uploads `bytes` as `filename` to an application through the API: tied to a material of a
 * measure (`{ measure: '1', material: 'contract' }`), to a general material (`{ measure: null,
 * material: 'licence' }`), or, without `tie`, one of 其他材料.
 */
export async function uploadFile(
  client: InjectClient,
  applicationId: string,
  filename: string,
  bytes: Buffer,
  tie?: { readonly measure: string | null; readonly material: string },
) {
  const body = await multipartBody(filename, bytes);
  const query = new URLSearchParams();
  if (tie?.measure) query.set('measure', tie.measure);
  if (tie) query.set('material', tie.material);
  const search = query.size > 0 ? `?${query}` : '';
  return client.request('POST', `/api/v1/applications/${applicationId}/attachments${search}`, body);
}

/** A multipart/form-data body of one file in the field `file`, as a browser's form sends it: the payload and its content type. */
export async function multipartBody(filename: string, bytes: Buffer): Promise<{ payload: Buffer; headers: Record<string, string> }> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)]), filename);
  const request = new Request('http://localhost/', { method: 'POST', body: form });
  return { payload: Buffer.from(await request.arrayBuffer()), headers: { 'content-type': request.headers.get('content-type') ?? '' } };
}

/**
 * Attaches a stand-in PDF for every required material still missing for the measures the
 * application claims now (its estimate's results: what submission checks), as the applicant:
 * the demo's applications and the tests' submissions carry their materials as a real one must.
 * Does nothing to an application that is not the applicant's to change.
 */
export async function attachRequiredMaterials(client: InjectClient, applicationId: string): Promise<void> {
  const view = await client.get(`/api/v1/applications/${applicationId}`);
  if (view.statusCode !== 200) return;
  const app = view.json() as { status: string; attachments: { measure: string | null; material: string | null }[] };
  if (app.status !== 'draft' && app.status !== 'returned') return;
  const estimate = await client.post(`/api/v1/applications/${applicationId}/estimate`);
  if (estimate.statusCode !== 200) return;
  const claimed = claimedMeasures((estimate.json() as { results: { measure: string; status: string }[] }).results);
  for (const { measure, material } of missingMaterials(claimed, app.attachments)) {
    const bytes = standInPdf(`ftai stand-in: ${measure ?? 'general'}/${material.key} (${material.name.en})`);
    const res = await uploadFile(client, applicationId, `${material.name.zh}.pdf`, bytes, { measure, material: material.key });
    // Not the applicant's to change (an officer, another enterprise): the submission says so itself.
    if (res.statusCode === 403) return;
    if (res.statusCode !== 201) throw new Error(`attaching ${measure}/${material.key}: ${res.statusCode} ${res.body}`);
  }
}

import { missingMaterials } from '@ftai/policy-fengtai';
import type { InjectClient } from './inject-client.js';

/** A PDF a reader opens (one empty page): the stand-in for a material in the demo and the tests. */
export const STAND_IN_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

/** Uploads `bytes` as `filename` to an application, tied to a material of a measure when given, through the API. */
export async function uploadFile(
  client: InjectClient,
  applicationId: string,
  filename: string,
  bytes: Buffer,
  tie?: { readonly measure: string; readonly material: string },
) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)]), filename);
  const request = new Request('http://localhost/', { method: 'POST', body: form });
  const payload = Buffer.from(await request.arrayBuffer());
  const query = tie ? `?measure=${encodeURIComponent(tie.measure)}&material=${encodeURIComponent(tie.material)}` : '';
  return client.request('POST', `/api/v1/applications/${applicationId}/attachments${query}`, {
    payload,
    headers: { 'content-type': request.headers.get('content-type') ?? '' },
  });
}

/**
 * Attaches a stand-in PDF for every required material still missing for the measures the engine
 * grants the application now (what submission checks), as the applicant: the demo's applications
 * and the tests' submissions carry their materials as a real one must. Does nothing to an
 * application that is not the applicant's to change.
 */
export async function attachRequiredMaterials(client: InjectClient, applicationId: string): Promise<void> {
  const view = await client.get(`/api/v1/applications/${applicationId}`);
  if (view.statusCode !== 200) return;
  const app = view.json() as { status: string; attachments: { measure: string | null; material: string | null }[] };
  if (app.status !== 'draft' && app.status !== 'returned') return;
  const estimate = await client.post(`/api/v1/applications/${applicationId}/estimate`);
  if (estimate.statusCode !== 200) return;
  const granted = (estimate.json() as { results: { measure: string; status: string }[] }).results
    .filter((r) => r.status === 'granted')
    .map((r) => r.measure);
  for (const { measure, material } of missingMaterials(granted, app.attachments)) {
    const res = await uploadFile(client, applicationId, `${material.name.zh}.pdf`, STAND_IN_PDF, { measure, material: material.key });
    // Not the applicant's to change (an officer, another enterprise): the submission says so itself.
    if (res.statusCode === 403) return;
    if (res.statusCode !== 201) throw new Error(`attaching ${measure}/${material.key}: ${res.statusCode} ${res.body}`);
  }
}

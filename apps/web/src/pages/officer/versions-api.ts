import type {
  BudgetEstimate,
  BudgetEstimateBody,
  PageInfo,
  ParameterHistory,
  ParameterVersion,
  ParameterVersionDraft,
  ParameterVersionStatus,
  Simulation,
  SimulationBody,
  SimulationList,
} from '@ftai/api';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { useServerPage } from '../../lib/use-server-page';

/**
 * 政策参数版本 and 政策模拟 for officers (packages/api policy-versions.ts, simulations.ts): the
 * versions a page at a time, one version, its draft, submission and decision; the parameters with
 * their history; the simulations, one simulation (asked again while it runs), its budget estimates.
 */

/** GET /api/v1/policy/versions (parameterVersionListSchema). */
export interface ParameterVersionList {
  readonly versions: ParameterVersion[];
  readonly page: PageInfo;
}

export const versionKeys = {
  all: ['officer', 'policy-versions'] as const,
  version: (n: number) => ['officer', 'policy-versions', n] as const,
  parameters: ['policy', 'parameters'] as const,
  simulations: ['officer', 'simulations'] as const,
  simulation: (id: string) => ['officer', 'simulations', id] as const,
  estimates: (id: string) => ['officer', 'simulations', id, 'estimates'] as const,
};

const VERSIONS = '/api/v1/policy/versions';
export const versionPath = (n: number) => `${VERSIONS}/${n}`;
export const simulationPath = (id: string) => `/api/v1/simulations/${encodeURIComponent(id)}`;

export function useVersionsPage(status: ParameterVersionStatus | undefined, limit = 20) {
  return useServerPage(versionKeys.all, VERSIONS, { status }, (url) => api.get<ParameterVersionList>(url), limit);
}

/** Every version (the largest page): the pickers of a draft's base and a simulation's A and B. */
export function useAllVersions() {
  return useQuery({
    queryKey: [...versionKeys.all, 'every'],
    queryFn: () => api.get<ParameterVersionList>(`${VERSIONS}?limit=500`).then((r) => r.versions),
  });
}

export function useVersion(n: number | undefined) {
  return useQuery({
    queryKey: versionKeys.version(n ?? 0),
    queryFn: () => api.get<ParameterVersion>(versionPath(n ?? 0)),
    enabled: n !== undefined && Number.isInteger(n) && n > 0,
  });
}

/** Each parameter in effect with its history over approved versions (public). */
export function useParameters() {
  return useQuery({ queryKey: versionKeys.parameters, queryFn: () => api.get<ParameterHistory>('/api/v1/policy/parameters') });
}

/** Creates a draft (no number) or rewrites one; answers the version. */
export function useSaveDraft() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ number, body }: { number?: number | undefined; body: ParameterVersionDraft }) =>
      number === undefined ? api.post<ParameterVersion>(VERSIONS, body) : api.put<ParameterVersion>(versionPath(number), body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: versionKeys.all }),
  });
}

export type VersionAction = 'submit' | 'withdraw' | 'approve' | 'reject';

/** Submits, withdraws, approves or rejects (a rejection with its note). */
export function useVersionAction(n: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ action, note }: { action: VersionAction; note?: string | undefined }) =>
      api.post<ParameterVersion>(`${versionPath(n)}/${action}`, note ? { note } : {}),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: versionKeys.all });
      await queryClient.invalidateQueries({ queryKey: versionKeys.parameters });
    },
  });
}

export function useSimulationsPage(limit = 20) {
  return useServerPage(versionKeys.simulations, '/api/v1/simulations', {}, (url) => api.get<SimulationList>(url), limit);
}

const isRunning = (s: { status: string } | undefined) => s !== undefined && (s.status === 'queued' || s.status === 'running');

/** One simulation: asked again every 2 seconds while it runs. */
export function useSimulation(id: string) {
  return useQuery({
    queryKey: versionKeys.simulation(id),
    queryFn: () => api.get<Simulation>(simulationPath(id)),
    refetchInterval: (q) => (isRunning(q.state.data) ? 2000 : false),
  });
}

/** Starts a simulation: JSON, or a registry file with the rest in the query. */
export function useStartSimulation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { body: SimulationBody } | { file: File; versionA: number; versionB: number; callId?: string | undefined }) => {
      if ('body' in input) return api.post<Simulation>('/api/v1/simulations', input.body);
      const q = new URLSearchParams({ versionA: String(input.versionA), versionB: String(input.versionB) });
      if (input.callId) q.set('callId', input.callId);
      const form = new FormData();
      form.append('file', input.file, input.file.name);
      return api.post<Simulation>(`/api/v1/simulations?${q.toString()}`, form);
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: versionKeys.simulations }),
  });
}

/** The estimates made from a simulation, newest first (the list answers `{ estimates }` or the array). */
export function useEstimates(id: string, enabled: boolean) {
  return useQuery({
    queryKey: versionKeys.estimates(id),
    queryFn: () =>
      api
        .get<{ estimates: BudgetEstimate[] } | BudgetEstimate[]>(`${simulationPath(id)}/estimates`)
        .then((r) => (Array.isArray(r) ? r : (r.estimates ?? []))),
    enabled,
  });
}

export function useMakeEstimate(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BudgetEstimateBody) => api.post<BudgetEstimate>(`${simulationPath(id)}/estimates`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: versionKeys.estimates(id) }),
  });
}

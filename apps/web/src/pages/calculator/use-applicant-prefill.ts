import type { ApplicationList, ApplicationView, EnterpriseView } from '@ftai/api';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { useAuth } from '../../auth/auth-context';
import { topicsOf } from '../../components/facts-editor/fact-fields';
import { useEnterprise } from '../portal/portal-queries';
import { type CalcState, emptyState } from './calc-state';

/**
 * What the calculator starts from for a signed-in applicant: its enterprise as the profile holds
 * it (name, credit code, the conditions and kinds), its awards of earlier years as history (the
 * ledger the server itself would read), and the facts of its latest application. Null for anyone
 * else, and until all of it has loaded.
 */
export function applicantStart(year: number, enterprise: EnterpriseView, latest: ApplicationView | null): CalcState {
  const state = emptyState(year);
  const p = enterprise.profile;
  // An answer the profile leaves open keeps the calculator's own start.
  const answered = Object.fromEntries(Object.entries(p).filter(([k, v]) => typeof v === 'boolean' && k !== 'creditCode' && k !== 'name'));
  state.enterprise = { ...state.enterprise, ...answered, creditCode: enterprise.creditCode, name: enterprise.name };
  state.history = enterprise.awards
    .filter((a) => a.year < year)
    .map((a) => ({ measure: a.measure, year: a.year, subject: a.subject, amount: a.amount }));
  const facts = (latest?.request.facts ?? {}) as CalcState['facts'];
  state.facts = facts;
  state.topics = topicsOf(facts);
  return state;
}

/** The applicant's start (applicantStart) once its enterprise and latest application have loaded; `year` undefined waits. */
export function useApplicantPrefill(year: number | undefined): { state: CalcState; fromApplication: boolean } | null {
  const { user } = useAuth();
  const isApplicant = user?.role === 'applicant';
  const enterprise = useEnterprise(isApplicant);
  const latest = useQuery({
    queryKey: ['calculator', 'latest-application'],
    queryFn: async () => {
      const first = (await api.get<ApplicationList>('/api/v1/applications?limit=1')).applications[0];
      return first ? api.get<ApplicationView>(`/api/v1/applications/${encodeURIComponent(first.id)}`) : null;
    },
    enabled: isApplicant,
  });
  if (!isApplicant || year === undefined || !enterprise.data || latest.data === undefined) return null;
  return { state: applicantStart(year, enterprise.data, latest.data), fromApplication: latest.data !== null };
}

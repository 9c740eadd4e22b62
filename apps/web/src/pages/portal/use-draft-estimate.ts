import type { Answer, ApplicationView } from '@ftai/api';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, api, type FieldIssue } from '../../api/client';
import { parentPath, withoutRefused } from './portal-logic';

/**
 * `partial`: the valid fields are saved, those the server refused are not (they stay on the page,
 * marked); `invalid`: nothing could be saved apart (an issue not about one fact).
 */
export type SaveState = 'saved' | 'dirty' | 'saving' | 'partial' | 'invalid' | 'failed';

export interface DraftEstimate {
  readonly saveState: SaveState;
  readonly savedAt: Date | null;
  readonly estimate: Answer | null;
  readonly isEstimating: boolean;
  /** Field issues of the last save or estimate (contract paths, `facts.x[0].y`). */
  readonly issues: readonly FieldIssue[];
  /** A message for what is not a field issue (409, network …). */
  readonly problem: string | null;
  /** Saves what is pending now (no wait) and estimates again; resolves true when saved and valid. */
  flush(): Promise<boolean>;
  /** Changes the server does not hold yet (typing, saving, refused fields, a failed save): leaving would lose them. */
  readonly hasUnsaved: boolean;
}

const DEBOUNCE_MS = 900;

/**
 * The live estimate of a draft. The estimate endpoint reads the stored draft, so each change is
 * saved first (PUT, debounced) and then estimated (POST …/estimate?lang=). Saves run one after the
 * other in the order of the changes, so an older save never lands after a newer one; only the
 * latest answer is shown.
 */
export function useDraftEstimate(
  applicationId: string,
  facts: Record<string, unknown>,
  lang: 'zh' | 'en',
  enabled: boolean,
): DraftEstimate {
  const queryClient = useQueryClient();
  const [saveState, setSaveState] = useState<SaveState>('saved');
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const [estimate, setEstimate] = useState<Answer | null>(null);
  const [isEstimating, setEstimating] = useState(false);
  const [issues, setIssues] = useState<readonly FieldIssue[]>([]);
  const [problem, setProblem] = useState<string | null>(null);

  const chain = useRef<Promise<boolean>>(Promise.resolve(true));
  const generation = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  /** A change waits for the pause in typing. */
  const pending = useRef(false);
  const latest = useRef(facts);
  const savedJson = useRef<string | null>(null);
  const langRef = useRef(lang);
  langRef.current = lang;
  latest.current = facts;

  const runEstimate = useCallback(
    async (gen: number, refused: readonly FieldIssue[] = []): Promise<boolean> => {
      setEstimating(true);
      try {
        const answer = await api.post<Answer>(`/api/v1/applications/${encodeURIComponent(applicationId)}/estimate?lang=${langRef.current}`);
        if (gen === generation.current) {
          setEstimate(answer);
          // The fields the save refused stay marked while the rest is estimated.
          setIssues(refused);
          setProblem(null);
        }
        return refused.length === 0;
      } catch (e) {
        if (gen === generation.current) {
          if (e instanceof ApiError && e.issues.length > 0) {
            setIssues(e.issues);
            setProblem(null);
          } else setProblem(e instanceof Error ? e.message : String(e));
        }
        return false;
      } finally {
        if (gen === generation.current) setEstimating(false);
      }
    },
    [applicationId],
  );

  const put = useCallback(
    async (value: Record<string, unknown>): Promise<void> => {
      const view = await api.put<ApplicationView>(`/api/v1/applications/${encodeURIComponent(applicationId)}`, { facts: value });
      savedJson.current = JSON.stringify(value);
      queryClient.setQueryData(['application', applicationId], view);
    },
    [applicationId, queryClient],
  );

  /**
   * Saves the valid part of `value` after the server refused some of its fields: the refused
   * ones left out (a refused row of a list whole), up to three rounds where leaving one out makes
   * another refused. The refused issues of the first answer are those shown: their paths are the
   * page's. False when nothing could be saved apart.
   */
  const savePartial = useCallback(
    async (value: Record<string, unknown>, refused: readonly FieldIssue[]): Promise<boolean> => {
      let issuesNow: readonly { readonly path: string }[] = refused;
      let part: Record<string, unknown> | null = value;
      const left = new Set<string>();
      for (let round = 0; round < 3; round++) {
        // A field refused again once left out (one a row requires): its row goes.
        issuesNow = issuesNow.map((i) => (left.has(i.path) ? { path: parentPath(i.path) } : i));
        for (const i of issuesNow) left.add(i.path);
        part = withoutRefused(part, issuesNow);
        if (part === null) return false;
        if (JSON.stringify(part) === savedJson.current) return true;
        try {
          await put(part);
          return true;
        } catch (e) {
          if (!(e instanceof ApiError && e.status === 400 && e.issues.length > 0)) return false;
          issuesNow = e.issues;
        }
      }
      return false;
    },
    [put],
  );

  /** Saves `value` if it differs from what is stored (its valid part when some fields are refused), then estimates. */
  const run = useCallback(
    async (value: Record<string, unknown>, gen: number): Promise<boolean> => {
      const json = JSON.stringify(value);
      if (json === savedJson.current) {
        // Back to what is stored (a row added and removed again): nothing to save, estimate afresh.
        if (gen === generation.current) setSaveState('saved');
      } else {
        if (gen === generation.current) setSaveState('saving');
        try {
          await put(value);
          if (gen === generation.current) {
            setSaveState('saved');
            setSavedAt(new Date());
          }
        } catch (e) {
          if (e instanceof ApiError && e.status === 400 && e.issues.length > 0) {
            const refused = e.issues;
            const saved = await savePartial(value, refused);
            if (gen === generation.current) {
              setIssues(refused);
              setProblem(null);
              setSaveState(saved ? 'partial' : 'invalid');
              if (saved) setSavedAt(new Date());
            }
            if (!saved) return false;
            await runEstimate(gen, refused);
            return false;
          }
          if (gen === generation.current) {
            setSaveState('failed');
            setProblem(e instanceof Error ? e.message : String(e));
            // Submitted elsewhere, or gone: the page shows what the server has now.
            if (e instanceof ApiError && e.status === 409) void queryClient.invalidateQueries({ queryKey: ['application', applicationId] });
          }
          return false;
        }
      }
      return runEstimate(gen);
    },
    [applicationId, queryClient, runEstimate, put, savePartial],
  );

  const enqueue = useCallback(
    (value: Record<string, unknown>): Promise<boolean> => {
      const gen = ++generation.current;
      chain.current = chain.current.then(() => run(value, gen));
      return chain.current;
    },
    [run],
  );

  // The first render: what is stored is what the form shows; estimate it as it is.
  const started = useRef(false);
  useEffect(() => {
    if (!enabled || started.current) return;
    started.current = true;
    savedJson.current = JSON.stringify(latest.current);
    void enqueue(latest.current);
  }, [enabled, enqueue]);

  // Every change: save and estimate after a pause in typing.
  const factsJson = JSON.stringify(facts);
  const lastSeen = useRef<string | null>(null);
  useEffect(() => {
    if (!enabled) return;
    if (lastSeen.current === null || factsJson === lastSeen.current) {
      lastSeen.current = factsJson;
      return;
    }
    lastSeen.current = factsJson;
    setSaveState('dirty');
    pending.current = true;
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      timer.current = null;
      pending.current = false;
      void enqueue(latest.current);
    }, DEBOUNCE_MS);
    return () => {
      if (timer.current) clearTimeout(timer.current);
    };
  }, [factsJson, enabled, enqueue]);

  // Another language: the same answer, explained in it.
  const firstLang = useRef(lang);
  useEffect(() => {
    if (!enabled || lang === firstLang.current) return;
    firstLang.current = lang;
    void enqueue(latest.current);
  }, [lang, enabled, enqueue]);

  const flush = useCallback(() => {
    if (timer.current) {
      clearTimeout(timer.current);
      timer.current = null;
    }
    pending.current = false;
    return enqueue(latest.current);
  }, [enqueue]);

  // Leaving the page within the pause still saves the last change.
  const enqueueRef = useRef(enqueue);
  enqueueRef.current = enqueue;
  useEffect(
    () => () => {
      if (pending.current) {
        pending.current = false;
        void enqueueRef.current(latest.current);
      }
    },
    [],
  );

  return { saveState, savedAt, estimate, isEstimating, issues, problem, flush, hasUnsaved: saveState !== 'saved' };
}

import type { Call } from '@ftai/api';
import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { useCalls } from './officer-api';

/**
 * The call a page works on: `?call=` in the URL (so that a link or a reload keeps it), else the
 * newest call. Pages per call (dashboard, allocation, notices) share it through the URL.
 */
export function useSelectedCall() {
  const calls = useCalls();
  const [params, setParams] = useSearchParams();
  const wanted = params.get('call');
  const list = calls.data ?? [];
  const call: Call | undefined = list.find((c) => c.id === wanted) ?? list[0];
  const setCallId = useCallback(
    (id: string | undefined) =>
      setParams(
        (p) => {
          const next = new URLSearchParams(p);
          if (id) next.set('call', id);
          else next.delete('call');
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  return { calls, call, setCallId };
}

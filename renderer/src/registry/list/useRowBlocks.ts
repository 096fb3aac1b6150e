// The rows of a list too long to load at once: fetched in blocks of BLOCK rows as the visible
// range needs them, cached by the query client. Requests follow the scroll at most every
// THROTTLE_MS, so dragging the scrollbar across 200,000 rows does not ask for every block on the way.
import { keepPreviousData, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { EnterpriseRow } from '../../../../shared/enterprise';
import { call } from '../../api/client';
import type { ListParams } from './params';

export const BLOCK = 200;
const THROTTLE_MS = 120;
/** Rows beyond the visible ones whose block is fetched ahead, so scrolling rarely meets a gap. */
const AHEAD = 100;

const searchBlock = (p: ListParams, block: number) =>
  call('enterprises.search', { filter: p.filter, sort: p.sort, order: p.order, offset: block * BLOCK, limit: BLOCK });

export interface RowBlocks {
  total: number | null;
  tookMs: number | null;
  /** The first block is being (re)loaded for new search terms. */
  searching: boolean;
  error: unknown;
  rowAt(index: number): EnterpriseRow | undefined;
}

function blocksOf(first: number, last: number): number[] {
  const out: number[] = [];
  for (let b = Math.floor(first / BLOCK); b <= Math.floor(last / BLOCK); b++) if (b > 0) out.push(b);
  return out;
}

export function useRowBlocks(params: ListParams, first: number, last: number): RowBlocks {
  const queryClient = useQueryClient();
  // The head block gives the count and the time, and stays shown while new terms load.
  const head = useQuery({
    queryKey: ['enterprises.search', params, 0],
    queryFn: () => searchBlock(params, 0),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });

  const [wanted, setWanted] = useState<{ first: number; last: number }>({ first, last });
  const latest = useRef({ first, last });
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => {
    latest.current = { first, last };
    timer.current ??= setTimeout(() => {
      timer.current = null;
      setWanted(latest.current);
    }, THROTTLE_MS);
  }, [first, last]);
  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);

  const end = Math.max(0, (head.data?.total ?? 1) - 1);
  const around = (a: number, b: number) => blocksOf(Math.max(0, a - AHEAD), Math.min(end, b + AHEAD));
  const visible = around(first, last);
  // The blocks on screen first; those ahead once these have arrived (the server answers one at a time).
  const onScreen = blocksOf(wanted.first, wanted.last);
  const shown = onScreen.every((b) => queryClient.getQueryData(['enterprises.search', params, b]) !== undefined);
  const fetchable = new Set(shown ? around(wanted.first, wanted.last) : onScreen);
  const blocks = useQueries({
    queries: visible.map((b) => ({
      queryKey: ['enterprises.search', params, b],
      queryFn: () => searchBlock(params, b),
      enabled: fetchable.has(b),
      staleTime: 30_000,
    })),
  });
  const byBlock = new Map<number, EnterpriseRow[]>();
  visible.forEach((b, i) => {
    const rows = blocks[i]?.data?.rows;
    if (rows) byBlock.set(b, rows);
  });
  const headRows = head.data?.rows;

  return {
    total: head.data?.total ?? null,
    tookMs: head.data?.tookMs ?? null,
    searching: head.isPlaceholderData || head.isLoading,
    error: head.error,
    rowAt(index) {
      const b = Math.floor(index / BLOCK);
      return b === 0 ? headRows?.[index] : byBlock.get(b)?.[index - b * BLOCK];
    },
  };
}

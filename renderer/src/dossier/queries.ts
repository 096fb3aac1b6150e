// The dossier's reads and what a save must refresh. One `dossier.get` per page of records: the
// first page also brings the open deadlines and the summary, so the page opens with one call.
import { keepPreviousData, useInfiniteQuery, type QueryClient } from '@tanstack/react-query';
import type { Dossier, RecordKind } from '../../../shared/dossier';
import { call } from '../api/client';

/** Records per page; an enterprise rarely has more, so most files open in one call. */
export const PAGE_SIZE = 100;

export interface TimelineFilter {
  kinds: RecordKind[];
  year: number | null;
  includeVoided: boolean;
}

export function useDossier(enterpriseId: number, filter: TimelineFilter) {
  return useInfiniteQuery({
    queryKey: ['dossier.get', enterpriseId, filter],
    queryFn: ({ pageParam }) => call('dossier.get', { enterpriseId, ...filter, offset: pageParam, limit: PAGE_SIZE }),
    initialPageParam: 0,
    getNextPageParam: (last: Dossier, pages: Dossier[]) => {
      const loaded = pages.reduce((n, p) => n + p.records.length, 0);
      return loaded < last.total ? loaded : undefined;
    },
    enabled: Number.isInteger(enterpriseId) && enterpriseId > 0,
    // Changing a filter keeps the old list on screen until the new one arrives (never another enterprise's).
    placeholderData: (previous, query) => (query?.queryKey[1] === enterpriseId ? keepPreviousData(previous) : undefined),
    staleTime: 0,
    meta: { quiet: true },
  });
}

/** After a record is saved or voided: the file, the county's due list, and the enterprise (a class may have changed). */
export function refreshAfterSave(queryClient: QueryClient, enterpriseId: number): void {
  void queryClient.invalidateQueries({ queryKey: ['dossier.get', enterpriseId] });
  void queryClient.invalidateQueries({ queryKey: ['dossier.record'] });
  void queryClient.invalidateQueries({ queryKey: ['deadlines.due'] });
  void queryClient.invalidateQueries({ queryKey: ['enterprises.get', enterpriseId] });
  void queryClient.invalidateQueries({ queryKey: ['enterprises.search'] });
}

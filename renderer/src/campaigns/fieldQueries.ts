// Reads of the campaign page's draw, results, dashboard and tally tabs, and what a change there
// must refresh. Keys start with the contract method, as everywhere else in the app.
import { keepPreviousData, useQuery, type QueryClient } from '@tanstack/react-query';
import { call } from '../api/client';

const valid = (id: number | null | undefined): id is number => typeof id === 'number' && Number.isInteger(id) && id > 0;

export function useCampaign(id: number) {
  return useQuery({
    queryKey: ['campaigns.get', id],
    queryFn: () => call('campaigns.get', { id }),
    enabled: valid(id),
    meta: { quiet: true },
  });
}

/** Active inspectors (在岗), for drawing and for the result form. */
export function useActiveInspectors() {
  return useQuery({
    queryKey: ['inspectors.list', true], // the same entry as queries.ts's useInspectors(true)
    queryFn: () => call('inspectors.list', { includeInactive: false }),
    staleTime: 60_000,
  });
}

export function useDraws(campaignId: number) {
  return useQuery({ queryKey: ['campaigns.draws', campaignId], queryFn: () => call('campaigns.draws', { id: campaignId }), staleTime: 0 });
}

export function useDrawDetail(drawId: number | null) {
  return useQuery({
    queryKey: ['campaigns.drawDetail', drawId],
    queryFn: () => call('campaigns.drawDetail', { id: drawId ?? 0 }),
    enabled: valid(drawId),
    staleTime: Infinity,
  });
}

/** Targets to inspect, searched by name or code, for the result form's picker. */
export function usePlannedTargets(campaignId: number, q: string) {
  return useQuery({
    queryKey: ['campaigns.targets', campaignId, 'pick', q],
    queryFn: () => call('campaigns.targets', { campaignId, q, plannedOnly: true, limit: 50 }),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}

export function useResults(campaignId: number, enterpriseId: number | null) {
  return useQuery({
    queryKey: ['campaigns.results', campaignId, enterpriseId],
    queryFn: () => call('campaigns.results', { campaignId, enterpriseId }),
    enabled: valid(enterpriseId),
    staleTime: 0,
  });
}

export function useProgress(campaignId: number) {
  return useQuery({
    queryKey: ['campaigns.progress', campaignId],
    queryFn: () => call('campaigns.progress', { campaignId }),
    staleTime: 0,
  });
}

export function useTally(campaignId: number, from: string, to: string) {
  return useQuery({
    queryKey: ['campaigns.tally', campaignId, from, to],
    queryFn: () => call('campaigns.tally', { campaignId, from, to }),
    enabled: from <= to,
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}

/** After a draw: the campaign (its current draw), its targets, the draw history and the progress. */
export function refreshAfterDraw(queryClient: QueryClient, campaignId: number): void {
  for (const key of ['campaigns.get', 'campaigns.draws', 'campaigns.progress']) {
    void queryClient.invalidateQueries({ queryKey: [key, campaignId] });
  }
  void queryClient.invalidateQueries({ queryKey: ['campaigns.targets'] });
  void queryClient.invalidateQueries({ queryKey: ['campaigns.list'] });
  // The draw it replaced is now marked 已被替换.
  void queryClient.invalidateQueries({ queryKey: ['campaigns.drawDetail'] });
}

/** After a result is saved: the target list and statuses, progress, tallies, and the enterprise's dossier. */
export function refreshAfterResult(queryClient: QueryClient, campaignId: number, enterpriseId: number): void {
  for (const key of ['campaigns.results', 'campaigns.progress', 'campaigns.tally']) {
    void queryClient.invalidateQueries({ queryKey: [key, campaignId] });
  }
  void queryClient.invalidateQueries({ queryKey: ['campaigns.targets'] });
  void queryClient.invalidateQueries({ queryKey: ['campaigns.list'] });
  void queryClient.invalidateQueries({ queryKey: ['dossier.get', enterpriseId] });
  void queryClient.invalidateQueries({ queryKey: ['deadlines.due'] });
}

// The report area's reads (formats, sources, 报送记录, exchange packages) and what a change must
// refresh. Query keys start with the method name, so a refresh can name the method.
import { useQuery, type QueryClient } from '@tanstack/react-query';
import type { ReportSource } from '../../../shared/report-format';
import { call } from '../api/client';

export const useFormats = () => useQuery({ queryKey: ['reports.list'], queryFn: () => call('reports.list', {}) });

export const useFormat = (id: string) =>
  useQuery({
    queryKey: ['reports.get', id],
    queryFn: () => call('reports.get', { id }),
    enabled: !!id,
    staleTime: 0,
    meta: { quiet: true },
  });

/** The data sources and their fields; campaignTally's include the tallies of `templateId`. */
export const useSources = (templateId: string | null) =>
  useQuery({ queryKey: ['reports.sources', templateId], queryFn: () => call('reports.sources', { templateId }) });

/** The fields one source offers to a column. */
export function useSourceFields(source: ReportSource | undefined, templateId: string | null) {
  const sources = useSources(templateId);
  return sources.data?.find((s) => s.source === source)?.fields ?? [];
}

export const useSent = (offset: number, limit: number, formatId: string | null = null) =>
  useQuery({
    queryKey: ['reports.sent', formatId, offset, limit],
    queryFn: () => call('reports.sent', { formatId, offset, limit }),
    staleTime: 0,
  });

export const usePackages = (direction: 'exported' | 'imported' | null, includeWithdrawn = false) =>
  useQuery({
    queryKey: ['reports.packages', direction, includeWithdrawn],
    queryFn: () => call('reports.packages', { direction, includeWithdrawn }),
    staleTime: 0,
  });

/** After the format list changed (save, copy, archive, import). */
export function refreshFormats(queryClient: QueryClient): void {
  void queryClient.invalidateQueries({ queryKey: ['reports.list'] });
}

/** After a table was exported: 报送记录 and the list's 最近导出. */
export function refreshSent(queryClient: QueryClient): void {
  void queryClient.invalidateQueries({ queryKey: ['reports.sent'] });
}

/** After a package was exported, imported or withdrawn. */
export function refreshPackages(queryClient: QueryClient): void {
  void queryClient.invalidateQueries({ queryKey: ['reports.packages'] });
}

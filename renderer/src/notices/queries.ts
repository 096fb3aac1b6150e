// The notices area's reads and what a change must refresh. Query keys start with the method name,
// so a refresh can name the method.
import { keepPreviousData, useQuery, type QueryClient } from '@tanstack/react-query';
import type { MethodInput } from '../../../shared/contract';
import type { NoticeType } from '../../../shared/notice';
import { call } from '../api/client';

export type NoticeQuery = Required<MethodInput<'notices.list'>>;

/** One page of issued notices; the old page stays on screen while the next one loads. */
export const useNotices = (q: NoticeQuery) =>
  useQuery({
    queryKey: ['notices.list', q],
    queryFn: () => call('notices.list', q),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });

export const useNotice = (id: number | null) =>
  useQuery({
    queryKey: ['notices.get', id],
    queryFn: () => call('notices.get', { id: id ?? 0 }),
    enabled: id !== null && id > 0,
    staleTime: 0,
    meta: { quiet: true },
  });

export const useNoticeTemplates = () =>
  useQuery({ queryKey: ['notices.templates'], queryFn: () => call('notices.templates', {}), staleTime: 0 });

export interface PrepareSource {
  type: NoticeType;
  enterpriseId: number;
  recordId: number | null;
  campaignId: number | null;
}

/** The form's starting point: fields prefilled from the record and the party block as it will print. */
export const usePrepare = (source: PrepareSource | null) =>
  useQuery({
    queryKey: ['notices.prepare', source],
    queryFn: () => call('notices.prepare', source as PrepareSource),
    enabled: source !== null,
    staleTime: 0,
    meta: { quiet: true },
  });

/** The office settings (for the document number's 代字); shared with the shell's header. */
export const useSystemInfo = () => useQuery({ queryKey: ['system.info'], queryFn: () => call('system.info', {}) });

/** After a notice was issued, voided or served: the lists, the notice, and the enterprise's dossier (its 文书 record). */
export function refreshNotices(queryClient: QueryClient, enterpriseId?: number): void {
  void queryClient.invalidateQueries({ queryKey: ['notices.list'] });
  void queryClient.invalidateQueries({ queryKey: ['notices.get'] });
  void queryClient.invalidateQueries({ queryKey: enterpriseId ? ['dossier.get', enterpriseId] : ['dossier.get'] });
  void queryClient.invalidateQueries({ queryKey: ['dossier.record'] });
}

// The campaign area's reads (templates, inspectors, campaigns, target lists) and what a change must
// refresh. Query keys start with the method name, so a refresh can name the method.
import { keepPreviousData, useQuery, type QueryClient } from '@tanstack/react-query';
import type { MethodInput } from '../../../shared/contract';
import { ApiError, call } from '../api/client';

export const useTemplates = () =>
  useQuery({ queryKey: ['campaignTemplates.list'], queryFn: () => call('campaignTemplates.list', {}) });

export const useTemplate = (id: string) =>
  useQuery({
    queryKey: ['campaignTemplates.get', id],
    queryFn: () => call('campaignTemplates.get', { id }),
    enabled: !!id,
    staleTime: 0,
    meta: { quiet: true },
  });

/** Every inspector (active ones only when `activeOnly`), in the backend's order. */
export const useInspectors = (activeOnly = false) =>
  useQuery({
    queryKey: ['inspectors.list', activeOnly],
    queryFn: () => call('inspectors.list', { includeInactive: !activeOnly }),
  });

export const useCampaigns = () => useQuery({ queryKey: ['campaigns.list'], queryFn: () => call('campaigns.list', {}) });

export type TargetQuery = Required<Omit<MethodInput<'campaigns.targets'>, 'campaignId'>>;

/** One page of a campaign's target list; the old page stays on screen while the next one loads. */
export const useTargets = (campaignId: number, q: TargetQuery) =>
  useQuery({
    queryKey: ['campaigns.targets', campaignId, q],
    queryFn: () => call('campaigns.targets', { campaignId, ...q }),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });

/** Changes to the list made after the draw (抽取后的变更). */
export const useTargetChanges = (campaignId: number, enabled: boolean) =>
  useQuery({
    queryKey: ['campaigns.changes', campaignId],
    queryFn: () => call('campaigns.changes', { campaignId }),
    enabled,
    staleTime: 0,
  });

/** After the template list changed (save, copy, archive, import). */
export function refreshTemplates(queryClient: QueryClient): void {
  void queryClient.invalidateQueries({ queryKey: ['campaignTemplates.list'] });
}

/** After a campaign's target list changed: the list, its counts, the progress and the change log. */
export function refreshTargets(queryClient: QueryClient, campaignId: number): void {
  void queryClient.invalidateQueries({ queryKey: ['campaigns.targets', campaignId] });
  void queryClient.invalidateQueries({ queryKey: ['campaigns.changes', campaignId] });
  void queryClient.invalidateQueries({ queryKey: ['campaigns.get', campaignId] });
  void queryClient.invalidateQueries({ queryKey: ['campaigns.progress', campaignId] });
  void queryClient.invalidateQueries({ queryKey: ['campaigns.list'] });
}

export interface Problem {
  field: string;
  label: string;
  message: string;
}

/**
 * The field problems of an error: a VALIDATION error's list, or the one field a VALIDATION or
 * CONFLICT error names (a duplicate 执法证号, a template name in use). Empty otherwise.
 */
export function problemsOf(err: unknown): Problem[] {
  if (!(err instanceof ApiError)) return [];
  const { code, details, message } = err.info;
  const problems = details?.['problems'];
  if (code === 'VALIDATION' && Array.isArray(problems) && problems.length) return problems as Problem[];
  const field = details?.['field'];
  if ((code === 'VALIDATION' || code === 'CONFLICT') && typeof field === 'string' && field) {
    return [{ field, label: '', message: message.replace(/^[^：]{1,20}：/, '') }];
  }
  return [];
}

/** 'data.checklist.0.label' → ['checklist', 0, 'label'] after dropping `prefix`. */
export function problemPath(field: string, prefix: string): (string | number)[] {
  const rest = field.startsWith(prefix) ? field.slice(prefix.length) : field;
  return rest
    .split('.')
    .filter(Boolean)
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

// The reference data the registry pages offer in their pickers, each read once and cached.
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { IndustryNode, ProductItem } from '../../../shared/reference';
import { call } from '../api/client';

const forever = { staleTime: Infinity, gcTime: Infinity } as const;

export const useOffice = () => useQuery({ queryKey: ['settings.getOffice'], queryFn: () => call('settings.getOffice', {}) });

/** The townships of the office's county (the county the office works in). */
export function useTownships() {
  const office = useOffice();
  const countyCode = office.data?.countyCode;
  return useQuery({
    queryKey: ['divisions.townships', countyCode],
    queryFn: () => call('divisions.townships', { countyCode: countyCode ?? '' }),
    enabled: !!countyCode,
    ...forever,
  });
}

export const useIndustries = () => useQuery({ queryKey: ['reference.industries'], queryFn: () => call('reference.industries', {}), ...forever });

export const useProducts = () => useQuery({ queryKey: ['reference.products'], queryFn: () => call('reference.products', {}) });

export const useTags = () => useQuery({ queryKey: ['enterprises.tags'], queryFn: () => call('enterprises.tags', {}) });

export interface IndustryTreeNode {
  value: string;
  title: string;
  /** Name and code, for searching. */
  search: string;
  selectable?: boolean;
  children?: IndustryTreeNode[];
}

/** GB/T 4754 as a tree: 门类 (letter) → 大类 → 中类 → 小类. */
export function buildIndustryTree(nodes: readonly IndustryNode[], sectionsSelectable: boolean): IndustryTreeNode[] {
  const byCode = new Map<string, IndustryTreeNode>();
  const roots: IndustryTreeNode[] = [];
  for (const n of nodes) {
    const node: IndustryTreeNode = {
      value: n.code,
      title: `${n.code} ${n.name}`,
      search: `${n.code} ${n.name}`,
      ...(n.level === 1 && !sectionsSelectable ? { selectable: false } : {}),
    };
    byCode.set(n.code, node);
    const parent = n.parent ? byCode.get(n.parent) : undefined;
    if (parent) (parent.children ??= []).push(node);
    else roots.push(node);
  }
  return roots;
}

export function useIndustryTree(sectionsSelectable: boolean) {
  const industries = useIndustries();
  const tree = useMemo(() => buildIndustryTree(industries.data ?? [], sectionsSelectable), [industries.data, sectionsSelectable]);
  return { tree, loading: industries.isLoading };
}

export interface ProductGroup {
  label: string;
  title: string;
  options: { value: string; label: string; disabled?: boolean }[];
}

/** The product catalogue grouped by category, for a Select; stopped products only when already chosen. */
export function groupProducts(items: readonly ProductItem[], keep: readonly string[] = []): ProductGroup[] {
  const groups = new Map<string, ProductGroup>();
  for (const p of items) {
    if (p.archived && !keep.includes(p.id)) continue;
    let g = groups.get(p.category);
    if (!g) groups.set(p.category, (g = { label: p.category, title: p.category, options: [] }));
    g.options.push({ value: p.id, label: p.archived ? `${p.name}（已停用）` : p.name });
  }
  return [...groups.values()];
}

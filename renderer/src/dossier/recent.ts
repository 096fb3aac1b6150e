// The dossiers this computer opened last, so a clerk going back to the same few enterprises finds
// them without searching. Kept in the page's local storage: names only, nothing confidential.
import type { Enterprise } from '../../../shared/enterprise';

const KEY = 'qingbo.recentDossiers';
const MAX = 8;

export interface RecentDossier {
  id: number;
  name: string;
  uscc: string | null;
}

export function recentDossiers(): RecentDossier[] {
  try {
    const list = JSON.parse(localStorage.getItem(KEY) ?? '[]') as unknown;
    return Array.isArray(list) ? (list as RecentDossier[]).filter((r) => Number.isInteger(r.id) && typeof r.name === 'string') : [];
  } catch {
    return [];
  }
}

export function rememberDossier(e: Pick<Enterprise, 'id' | 'name' | 'uscc'>): void {
  const list = [{ id: e.id, name: e.name, uscc: e.uscc }, ...recentDossiers().filter((r) => r.id !== e.id)].slice(0, MAX);
  try {
    localStorage.setItem(KEY, JSON.stringify(list));
  } catch {
    // Storage full or refused: the list is a convenience only.
  }
}

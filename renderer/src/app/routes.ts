import { createContext, useContext } from 'react';

export const CASE_TABS = [
  'overview',
  'persons',
  'events',
  'testimonies',
  'interventions',
  'timeline',
  'evidence',
  'audit',
] as const;
export type CaseTab = (typeof CASE_TABS)[number];

/**
 * Where the user is. Kept in memory only, never in the URL or history, so
 * that no case id or search text outlives the session.
 */
export type Route =
  | { name: 'due' }
  | { name: 'cases' }
  | { name: 'case-new' }
  | {
      name: 'case';
      caseId: string;
      tab: CaseTab;
      recordId?: string;
      /** A mechanism fact to complete: the Overview opens the facts editor on that field. */
      fact?: string;
    }
  | { name: 'search' }
  | { name: 'export'; caseId: string }
  | { name: 'import' }
  | { name: 'keys' }
  | { name: 'trash' }
  | { name: 'settings' };

export interface Navigation {
  route: Route;
  navigate: (route: Route) => void;
}

export const NavigationContext = createContext<Navigation>({
  route: { name: 'cases' },
  navigate: () => undefined,
});

export function useNavigation(): Navigation {
  return useContext(NavigationContext);
}

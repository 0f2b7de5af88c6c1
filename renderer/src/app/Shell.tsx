import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CaseFormScreen } from '../features/cases/CaseFormScreen';
import { CaseListScreen } from '../features/cases/CaseListScreen';
import { ExportWizard } from '../features/export/ExportWizard';
import { ImportScreen } from '../features/import/ImportScreen';
import { KeysScreen } from '../features/keys/KeysScreen';
import { SearchScreen } from '../features/search/SearchScreen';
import { SettingsScreen } from '../features/settings/SettingsScreen';
import { DueScreen } from '../features/due/DueScreen';
import { countDrafts, useDraftList } from '../components/DraftNotes';
import { useDrafts } from '../lib/drafts';
import { TrashScreen } from '../features/trash/TrashScreen';
import { vigil } from '../lib/vigil';
import type { DraftCounts } from '../../../shared/drafts';
import { CaseWorkspace } from '../features/workspace/CaseWorkspace';
import { ActivityArea } from './ActivityArea';
import { CloseWarning } from './CloseWarning';
import { NavigationContext, type Route } from './routes';
import { useIsolatedT } from '../i18n/isolate';

type Section = 'due' | 'cases' | 'search' | 'import' | 'keys' | 'trash' | 'settings';

/** The same width as the narrow layout in app.css. */
const NARROW = '(max-width: 40rem)';

function sectionOf(route: Route): Section {
  switch (route.name) {
    case 'due':
    case 'search':
    case 'import':
    case 'keys':
    case 'trash':
    case 'settings':
      return route.name;
    default:
      return 'cases';
  }
}

function Page({ route }: { route: Route }) {
  switch (route.name) {
    case 'due':
      return <DueScreen />;
    case 'cases':
      return <CaseListScreen />;
    case 'case-new':
      return <CaseFormScreen />;
    case 'case':
      return (
        <CaseWorkspace
          key={route.caseId}
          caseId={route.caseId}
          tab={route.tab}
          recordId={route.recordId}
          fact={route.fact}
        />
      );
    case 'search':
      return <SearchScreen />;
    case 'export':
      return <ExportWizard caseId={route.caseId} />;
    case 'import':
      return <ImportScreen />;
    case 'keys':
      return <KeysScreen />;
    case 'trash':
      return <TrashScreen />;
    case 'settings':
      return <SettingsScreen />;
  }
}

const START_ON_DUE_WITHIN_DAYS = 14;

/** The open vault: the navigation, the lock button, and the current page. */
export function Shell({
  vaultLabel,
  onLock,
  onQuickExit,
}: {
  vaultLabel: string;
  onLock: () => void;
  onQuickExit: () => void;
}) {
  const { t } = useTranslation();
  const ti = useIsolatedT();
  const [route, setRoute] = useState<Route>({ name: 'cases' });
  // The navigation folds away (a button at the top); on a narrow window (or a zoomed one) it
  // starts folded, so the page is not pushed sideways (WCAG reflow at 320 CSS px).
  const [navOpen, setNavOpen] = useState(() => !window.matchMedia(NARROW).matches);
  // The user's own choice is remembered (in the app's settings, not the vault); a window made
  // narrow folds it, and made wide again shows what the user chose.
  const collapsed = useRef(false);
  useEffect(() => {
    let live = true;
    const narrow = window.matchMedia(NARROW);
    vigil.settings
      .get()
      .then((settings) => {
        collapsed.current = settings.navCollapsed;
        if (live && !narrow.matches) setNavOpen(!settings.navCollapsed);
      })
      .catch(() => undefined);
    const onChange = () => setNavOpen(!narrow.matches && !collapsed.current);
    narrow.addEventListener('change', onChange);
    return () => {
      live = false;
      narrow.removeEventListener('change', onChange);
    };
  }, []);
  const toggleNav = () => {
    const open = !navOpen;
    setNavOpen(open);
    if (!window.matchMedia(NARROW).matches) {
      collapsed.current = !open;
      void vigil.settings.set({ navCollapsed: !open }).catch(() => undefined);
    }
  };
  const main = useRef<HTMLElement>(null);
  const navigation = useMemo(() => ({ route, navigate: setRoute }), [route]);
  const section = sectionOf(route);
  const pageKey = route.name === 'case' ? `case:${route.caseId}` : route.name;

  // Move focus to the new page's heading, so keyboard and screen-reader users start there
  // (unless the page already put it in a field, as a form does).
  useEffect(() => {
    const frame = requestAnimationFrame(() => {
      const active = document.activeElement;
      if (
        main.current &&
        active &&
        active !== main.current &&
        main.current.contains(active) &&
        active.tagName !== 'BUTTON'
      )
        return;
      main.current?.querySelector<HTMLElement>('h1')?.focus();
    });
    return () => cancelAnimationFrame(frame);
  }, [pageKey]);

  useEffect(() => {
    document.title = `${t(`nav.${section}`)} — Vigil`;
  }, [section, t]);

  // Drafts are never kept past a lock; what the last lock discarded is said once, here.
  const drafts = useDrafts();
  const draftList = useDraftList();
  const [discarded, setDiscarded] = useState<DraftCounts>({});
  useEffect(() => {
    let live = true;
    vigil.drafts
      .discarded()
      .then(({ counts }) => {
        if (live) setDiscarded(counts);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);

  // "Due and overdue" is the start screen whenever something is overdue or due within two weeks.
  useEffect(() => {
    let live = true;
    vigil.due
      .list({ withinDays: START_ON_DUE_WITHIN_DAYS })
      .then((items) => {
        if (live && items.length > 0)
          setRoute((current) => (current.name === 'cases' ? { name: 'due' } : current));
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);

  const items: { id: Section; route: Route }[] = [
    { id: 'due', route: { name: 'due' } },
    { id: 'cases', route: { name: 'cases' } },
    { id: 'search', route: { name: 'search' } },
    { id: 'import', route: { name: 'import' } },
    { id: 'keys', route: { name: 'keys' } },
    { id: 'trash', route: { name: 'trash' } },
    { id: 'settings', route: { name: 'settings' } },
  ];

  return (
    <NavigationContext.Provider value={navigation}>
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <div className="shell" data-nav={navOpen ? 'open' : 'closed'}>
        <nav className="sidebar" aria-label={t('nav.label')}>
          <div className="sidebar-head">
            <div className="brand">Vigil</div>
            <button
              type="button"
              className="nav-toggle"
              aria-expanded={navOpen}
              aria-controls="nav-body"
              onClick={toggleNav}
            >
              {navOpen ? t('nav.hideMenu') : t('nav.showMenu')}
            </button>
            {/* Always in reach, folded or not: the way out must never be behind a menu. */}
            <button
              type="button"
              className="lock-button quick-exit"
              aria-describedby="quick-exit-hint"
              onClick={onQuickExit}
            >
              {t('nav.quickExit')}
            </button>
            <span id="quick-exit-hint" className="visually-hidden">
              {t('nav.quickExitHint')}
            </span>
          </div>
          <div id="nav-body" className="nav-body" hidden={!navOpen}>
            <div className="vault-label" dir="auto">
              {ti('nav.vault', { name: vaultLabel })}
            </div>
            <ul className="nav-list">
              {items.map((item) => (
                <li key={item.id}>
                  <button
                    type="button"
                    className="nav-item"
                    aria-current={section === item.id ? 'page' : undefined}
                    onClick={() => {
                      setRoute(item.route);
                      if (window.matchMedia(NARROW).matches) setNavOpen(false);
                    }}
                  >
                    {t(`nav.${item.id}`)}
                  </button>
                </li>
              ))}
            </ul>
            <div className="sidebar-foot">
              <button
                type="button"
                className="lock-button"
                aria-describedby={drafts.length > 0 ? 'lock-drafts' : undefined}
                onClick={onLock}
              >
                {t('nav.lock')}
              </button>
              {drafts.length > 0 ? (
                <span id="lock-drafts" className="lock-drafts">
                  {t('drafts.lockWarning', { list: draftList(countDrafts(drafts)) })}
                </span>
              ) : null}
              <span className="shortcut-hint">{t('nav.panicHint')}</span>
            </div>
          </div>
        </nav>
        <main id="main" className="main" ref={main} tabIndex={-1}>
          {Object.keys(discarded).length > 0 ? (
            <div className="notice notice-warn discarded-drafts" role="status">
              <p>{t('drafts.discarded', { list: draftList(discarded) })}</p>
              <button type="button" className="btn btn-small" onClick={() => setDiscarded({})}>
                {t('common.dismiss')}
              </button>
            </div>
          ) : null}
          <ActivityArea />
          <Page route={route} />
        </main>
        <CloseWarning />
      </div>
    </NavigationContext.Provider>
  );
}

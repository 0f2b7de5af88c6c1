import { useTranslation } from 'react-i18next';
import { CASE_TABS, useNavigation, type CaseTab } from '../../app/routes';
import { BackLink } from '../../components/BackLink';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { countDrafts, useDraftList } from '../../components/DraftNotes';
import { Tabs } from '../../components/Tabs';
import { useDrafts } from '../../lib/drafts';
import { useLoad } from '../../lib/useLoad';
import { useVocabularies } from '../../lib/vocabularies';
import { vigil } from '../../lib/vigil';
import { AuditTab } from '../audit/AuditTab';
import { EventsTab } from '../events/EventsTab';
import { EvidenceTab } from '../evidence/EvidenceTab';
import { InterventionsTab } from '../interventions/InterventionsTab';
import { PersonsTab } from '../persons/PersonsTab';
import { TestimoniesTab } from '../testimonies/TestimoniesTab';
import { TimelineTab } from '../timeline/TimelineTab';
import { MechanismFactsSection } from './MechanismFactsSection';
import { OverviewTab } from './OverviewTab';
import type { DraftKind } from '../../../../shared/drafts';
import './workspace.css';

/** Where each kind of unsaved draft is edited (the arguments are in the export wizard). */
const DRAFT_TABS: Partial<Record<DraftKind, CaseTab>> = {
  case: 'overview',
  facts: 'overview',
  person: 'persons',
  event: 'events',
  testimony: 'testimonies',
  intervention: 'interventions',
};

/** One case: its overview and every kind of record it holds, one tab each. */
export function CaseWorkspace({
  caseId,
  tab,
  recordId,
  fact,
}: {
  caseId: string;
  tab: CaseTab;
  recordId?: string;
  /** The mechanism fact to complete (from an export checklist). */
  fact?: string;
}) {
  const { t } = useTranslation();
  const { navigate } = useNavigation();
  const { label } = useVocabularies();
  const record = useLoad(() => vigil.cases.get({ id: caseId }), caseId);
  const select = (next: CaseTab) => navigate({ name: 'case', caseId, tab: next });
  const drafts = useDrafts().filter((d) => d.caseId === caseId);
  const draftTabs = new Set(drafts.map((d) => DRAFT_TABS[d.kind]));
  const draftList = useDraftList();

  const panel = () => {
    switch (tab) {
      case 'overview':
        return record.data ? (
          <>
            <OverviewTab record={record.data} onSaved={(saved) => record.setData(() => saved)} />
            <MechanismFactsSection caseId={caseId} focus={fact} />
          </>
        ) : null;
      case 'persons':
        return <PersonsTab caseId={caseId} recordId={recordId} />;
      case 'events':
        return <EventsTab caseId={caseId} recordId={recordId} />;
      case 'testimonies':
        return <TestimoniesTab caseId={caseId} recordId={recordId} />;
      case 'interventions':
        return <InterventionsTab caseId={caseId} recordId={recordId} />;
      case 'timeline':
        return <TimelineTab caseId={caseId} />;
      case 'evidence':
        return <EvidenceTab caseId={caseId} recordId={recordId} />;
      case 'audit':
        return <AuditTab caseId={caseId} />;
    }
  };

  return (
    <>
      <div className="page-head">
        <div>
          <BackLink label={t('workspace.back')} onClick={() => navigate({ name: 'cases' })} />
          <h1 tabIndex={-1} dir="auto">
            {record.data ? record.data.title : t('workspace.loading')}
          </h1>
          {record.data ? (
            <div className="case-meta">
              <span className="mono">{record.data.reference}</span>{' '}
              <span className="badge">{label('case-status', record.data.status)}</span>{' '}
              <span className="badge">{label('confidentiality', record.data.confidentiality)}</span>
            </div>
          ) : null}
          {drafts.length > 0 ? (
            <p className="notice notice-warn draft-note" role="status">
              {t('drafts.inCase', { list: draftList(countDrafts(drafts)) })}
            </p>
          ) : null}
        </div>
        <button
          type="button"
          className="btn btn-primary"
          onClick={() => navigate({ name: 'export', caseId })}
        >
          {t('workspace.export')}
        </button>
      </div>
      <ErrorNotice error={record.error} />
      {record.loading && !record.data ? <Loading /> : null}
      <Tabs
        label={t('workspace.tabsLabel')}
        tabs={CASE_TABS.map((id) => ({
          id,
          label: t(`workspace.tabs.${id}`),
          note: draftTabs.has(id) ? t('drafts.marker') : undefined,
        }))}
        selected={tab}
        onSelect={select}
      >
        {panel()}
      </Tabs>
    </>
  );
}

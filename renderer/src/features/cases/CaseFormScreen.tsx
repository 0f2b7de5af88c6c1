import { useTranslation } from 'react-i18next';
import { useNavigation } from '../../app/routes';
import { vigil } from '../../lib/vigil';
import { CaseForm, caseFields, NEW_CASE } from './CaseForm';

export function CaseFormScreen() {
  const { t } = useTranslation();
  const { navigate } = useNavigation();
  return (
    <>
      <div className="page-head">
        <h1 tabIndex={-1}>{t('caseForm.newTitle')}</h1>
      </div>
      <div className="narrow">
        <CaseForm
          draftKey="case:new"
          initial={NEW_CASE}
          submitLabel={t('caseForm.create')}
          onCancel={() => navigate({ name: 'cases' })}
          onSave={async (draft) => {
            const created = await vigil.cases.create(caseFields(draft));
            navigate({ name: 'case', caseId: created.id, tab: 'overview' });
          }}
        />
      </div>
    </>
  );
}

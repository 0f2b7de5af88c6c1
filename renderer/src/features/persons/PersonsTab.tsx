import { useTranslation } from 'react-i18next';
import { ConsentBadges } from '../../components/ConsentForm';
import { ActionButton } from '../../components/ActionButton';
import { ConfirmDialog } from '../../components/Dialog';
import { EditDeleteActions, RecordTab } from '../../components/RecordTab';
import { useLocale } from '../../i18n/useLocale';
import { formatPartialDate } from '../../logic/format';
import type { CasePerson } from '../../lib/types';
import { useLoad } from '../../lib/useLoad';
import { useOpenLinked, useRecordTab } from '../../lib/useRecordTab';
import { useVocabularies } from '../../lib/vocabularies';
import { vigil } from '../../lib/vigil';
import { DeletePersonDialog } from './DeletePersonDialog';
import { LinkPersonDialog } from './LinkPersonDialog';
import { PersonEditor } from './PersonEditor';
import { useIsolatedT } from '../../i18n/isolate';

type Mode =
  | { name: 'edit'; person: CasePerson | null }
  | { name: 'link' }
  | { name: 'remove'; person: CasePerson }
  | { name: 'delete'; person: CasePerson };

export function PersonsTab({ caseId, recordId }: { caseId: string; recordId?: string }) {
  const { t } = useTranslation();
  const ti = useIsolatedT();
  const { language, dateWords } = useLocale();
  const { label } = useVocabularies();
  const persons = useLoad(() => vigil.persons.list({ caseId }), caseId);
  const { mode, setMode, error, toList, back, act } = useRecordTab<Mode>(persons.reload);
  useOpenLinked(recordId, persons.data, (person) => setMode({ name: 'edit', person }));

  if (mode.name === 'edit')
    return <PersonEditor caseId={caseId} person={mode.person} onDone={back} />;

  return (
    <RecordTab
      headingId="persons-heading"
      title={t('persons.title')}
      actions={
        <div className="actions">
          <button
            type="button"
            className="btn btn-primary"
            onClick={() => setMode({ name: 'edit', person: null })}
          >
            {t('persons.add')}
          </button>
          <button type="button" className="btn" onClick={() => setMode({ name: 'link' })}>
            {t('persons.linkExisting')}
          </button>
        </div>
      }
      list={persons}
      error={error}
      emptyText={t('persons.empty')}
    >
      <ul className="record-list">
        {persons.data?.map((person) => (
          <li key={person.id} className="card">
            <div className="card-head">
              <div>
                <h3 dir="auto">{person.name}</h3>
                <div>
                  {person.roles.map((role) => (
                    <span key={role} className="badge">
                      {label('person-role', role)}
                    </span>
                  ))}{' '}
                  <ConsentBadges consent={person.consent} />
                </div>
              </div>
              <EditDeleteActions
                context={person.name}
                editLabel={t('common.edit')}
                deleteLabel={t('persons.remove')}
                onEdit={() => setMode({ name: 'edit', person })}
                onDelete={() => setMode({ name: 'remove', person })}
              >
                <ActionButton
                  label={t('persons.delete')}
                  context={person.name}
                  className="btn btn-small btn-danger"
                  onClick={() => setMode({ name: 'delete', person })}
                />
              </EditDeleteActions>
            </div>
            <dl className="facts">
              {person.pseudonym ? (
                <>
                  <dt>{t('persons.pseudonym')}</dt>
                  <dd dir="auto">{person.pseudonym}</dd>
                </>
              ) : null}
              {person.birthDate ? (
                <>
                  <dt>{t('persons.birthDate')}</dt>
                  <dd>{formatPartialDate(person.birthDate, language, dateWords)}</dd>
                </>
              ) : null}
              {person.occupation ? (
                <>
                  <dt>{t('persons.occupation')}</dt>
                  <dd dir="auto">{person.occupation}</dd>
                </>
              ) : null}
            </dl>
          </li>
        ))}
      </ul>
      {mode.name === 'link' ? (
        <LinkPersonDialog caseId={caseId} onClose={toList} onLinked={back} />
      ) : null}
      {mode.name === 'delete' ? (
        <DeletePersonDialog person={mode.person} onCancel={toList} act={act} />
      ) : null}
      {mode.name === 'remove' ? (
        <ConfirmDialog
          title={t('persons.removeTitle')}
          message={ti('persons.removeMessage', { name: mode.person.name })}
          confirmLabel={t('persons.remove')}
          cancelLabel={t('common.cancel')}
          danger
          onConfirm={() =>
            void act(() => vigil.persons.unlink({ caseId, personId: mode.person.id }))
          }
          onCancel={toList}
        />
      ) : null}
    </RecordTab>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionButton } from '../../components/ActionButton';
import { ConsentBadges } from '../../components/ConsentForm';
import { ConfirmDialog } from '../../components/Dialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { useLocale } from '../../i18n/useLocale';
import { formatPartialDate } from '../../logic/format';
import type { CasePerson } from '../../lib/types';
import { useLoad } from '../../lib/useLoad';
import { useVocabularies } from '../../lib/vocabularies';
import { vigil } from '../../lib/vigil';
import { LinkPersonDialog } from './LinkPersonDialog';
import { PersonEditor } from './PersonEditor';

type Mode =
  | { name: 'list' }
  | { name: 'edit'; person: CasePerson | null }
  | { name: 'link' }
  | { name: 'remove'; person: CasePerson };

export function PersonsTab({ caseId, recordId }: { caseId: string; recordId?: string }) {
  const { t } = useTranslation();
  const { language, dateWords } = useLocale();
  const { label } = useVocabularies();
  const persons = useLoad(() => vigil.persons.list({ caseId }), caseId);
  const [mode, setMode] = useState<Mode>({ name: 'list' });
  const [opened, setOpened] = useState(false);
  const [error, setError] = useState<unknown>(null);

  if (!opened && recordId && persons.data) {
    const found = persons.data.find((p) => p.id === recordId);
    setOpened(true);
    if (found) setMode({ name: 'edit', person: found });
  }

  const back = () => {
    setMode({ name: 'list' });
    persons.reload();
  };

  if (mode.name === 'edit')
    return <PersonEditor caseId={caseId} person={mode.person} onDone={back} />;

  const remove = async (person: CasePerson) => {
    setMode({ name: 'list' });
    try {
      await vigil.persons.unlink({ caseId, personId: person.id });
      persons.reload();
    } catch (e) {
      setError(e);
    }
  };

  return (
    <section aria-labelledby="persons-heading">
      <div className="tab-head">
        <h2 id="persons-heading">{t('persons.title')}</h2>
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
      </div>
      <ErrorNotice error={persons.error ?? error} />
      {persons.loading && !persons.data ? <Loading /> : null}
      {persons.data?.length === 0 ? <p className="empty">{t('persons.empty')}</p> : null}
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
              <div className="actions">
                <ActionButton
                  label={t('common.edit')}
                  context={person.name}
                  onClick={() => setMode({ name: 'edit', person })}
                />
                <ActionButton
                  label={t('persons.remove')}
                  context={person.name}
                  className="btn btn-small btn-danger"
                  onClick={() => setMode({ name: 'remove', person })}
                />
              </div>
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
        <LinkPersonDialog
          caseId={caseId}
          onClose={() => setMode({ name: 'list' })}
          onLinked={back}
        />
      ) : null}
      {mode.name === 'remove' ? (
        <ConfirmDialog
          title={t('persons.removeTitle')}
          message={t('persons.removeMessage', { name: mode.person.name })}
          confirmLabel={t('persons.remove')}
          cancelLabel={t('common.cancel')}
          danger
          onConfirm={() => void remove(mode.person)}
          onCancel={() => setMode({ name: 'list' })}
        />
      ) : null}
    </section>
  );
}

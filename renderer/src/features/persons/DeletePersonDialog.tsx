import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/Dialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import type { CasePerson } from '../../lib/types';
import { useLoad } from '../../lib/useLoad';
import { vigil } from '../../lib/vigil';

/**
 * Deleting a person from the vault (not only from this case). A person in
 * several cases leaves all of them: the question names every one, and the
 * request names the same cases, so main refuses if they changed meanwhile.
 */
export function DeletePersonDialog({
  person,
  onCancel,
  act,
}: {
  person: CasePerson;
  onCancel: () => void;
  act: (change: () => Promise<unknown>) => Promise<void>;
}) {
  const { t } = useTranslation();
  const cases = useLoad(() => vigil.persons.cases({ id: person.id }), person.id);
  if (cases.error) return <ErrorNotice error={cases.error} />;
  if (!cases.data) return <Loading />;
  const list = cases.data;
  return (
    <ConfirmDialog
      title={t('persons.deleteTitle')}
      message={
        list.length > 1 ? (
          <>
            {t('persons.deleteSeveral', { name: person.name, count: list.length })}
            {list.map((c, i) => (
              <span key={c.caseId}>
                {' '}
                <span className="mono">{c.reference}</span> <bdi>{c.title}</bdi>
                {i < list.length - 1 ? ';' : '.'}
              </span>
            ))}{' '}
            {t('persons.deleteTrash')}
          </>
        ) : (
          `${t('persons.deleteOne', { name: person.name })} ${t('persons.deleteTrash')}`
        )
      }
      confirmLabel={t('persons.delete')}
      cancelLabel={t('common.cancel')}
      danger
      onConfirm={() =>
        void act(() =>
          vigil.persons.remove({ id: person.id, fromCases: list.map((c) => c.caseId) }),
        )
      }
      onCancel={onCancel}
    />
  );
}

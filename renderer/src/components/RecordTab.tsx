import type { ReactNode } from 'react';
import { ActionButton } from './ActionButton';
import { ErrorNotice } from './ErrorNotice';
import { Loading } from './Loading';

/**
 * A case tab that lists one kind of record: its heading and buttons, why
 * loading or the last change failed, "loading" and "none yet", then the list.
 */
export function RecordTab({
  headingId,
  title,
  actions,
  list,
  error,
  emptyText,
  children,
}: {
  headingId: string;
  title: string;
  actions: ReactNode;
  list: { data: readonly unknown[] | undefined; loading: boolean; error: unknown };
  /** The last change made from the list, if it failed. */
  error: unknown;
  emptyText: string;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={headingId}>
      <div className="tab-head">
        <h2 id={headingId}>{title}</h2>
        {actions}
      </div>
      <ErrorNotice error={list.error ?? error} />
      {list.loading && !list.data ? <Loading /> : null}
      {list.data?.length === 0 ? <p className="empty">{emptyText}</p> : null}
      {children}
    </section>
  );
}

/** Edit and delete (or remove) for one record of a list, named for screen readers by `context`. */
export function EditDeleteActions({
  context,
  editLabel,
  deleteLabel,
  onEdit,
  onDelete,
  children,
}: {
  context: string;
  editLabel: string;
  deleteLabel: string;
  onEdit: () => void;
  onDelete: () => void;
  /** Other actions, between the two. */
  children?: ReactNode;
}) {
  return (
    <div className="actions">
      <ActionButton label={editLabel} context={context} onClick={onEdit} />
      {children}
      <ActionButton
        label={deleteLabel}
        context={context}
        className="btn btn-small btn-danger"
        onClick={onDelete}
      />
    </div>
  );
}

import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { useTranslation } from 'react-i18next';
import { isUiError, type UiIssue } from '../lib/vigil';

/**
 * The core's problems with a saved form, by field: each field that knows its
 * path in the record (`name`, `consent.mechanisms`, `end`) shows its own
 * problem, in the user's language, next to itself; what no field claims is
 * listed in the error notice. Paths are matched by their segments, allowing
 * the request's wrapper (`person.`, `patch.`) in front.
 */
interface IssuesState {
  issues: readonly UiIssue[];
  claim: (path: string) => () => void;
  claimed: ReadonlySet<string>;
}

const IssuesContext = createContext<IssuesState>({
  issues: [],
  claim: () => () => undefined,
  claimed: new Set(),
});

function segments(path: string): string[] {
  return path.split(/[.[\]]+/).filter(Boolean);
}

/** Whether an issue at `issuePath` is about the field at `fieldPath` (or something inside it). */
export function issueMatches(issuePath: string, fieldPath: string): boolean {
  const issue = segments(issuePath);
  const field = segments(fieldPath);
  if (field.length === 0) return false;
  for (const start of [0, 1]) {
    if (field.every((part, i) => issue[start + i] === part)) return true;
  }
  return false;
}

export function FieldIssuesProvider({ error, children }: { error: unknown; children: ReactNode }) {
  const issues = useMemo(() => (isUiError(error) ? error.issues : []), [error]);
  const [claimed, setClaimed] = useState<ReadonlySet<string>>(new Set());
  const counts = useRef(new Map<string, number>());
  const claim = useCallback((path: string) => {
    const change = (by: number) => {
      const n = (counts.current.get(path) ?? 0) + by;
      if (n > 0) counts.current.set(path, n);
      else counts.current.delete(path);
      setClaimed(new Set(counts.current.keys()));
    };
    change(1);
    return () => change(-1);
  }, []);
  const value = useMemo(() => ({ issues, claim, claimed }), [issues, claim, claimed]);
  return <IssuesContext.Provider value={value}>{children}</IssuesContext.Provider>;
}

/** The words for one problem, in the UI language. */
export function useProblemWords(): (issue: UiIssue) => string {
  const { t } = useTranslation();
  return (issue) => t(`errors.fields.${issue.problem}`);
}

/** The problem the core found with the field at `path`, in the user's language, if any. */
export function useFieldIssue(path: string | undefined): string | undefined {
  const { issues, claim } = useContext(IssuesContext);
  const words = useProblemWords();
  useEffect(() => (path ? claim(path) : undefined), [path, claim]);
  if (!path) return undefined;
  const issue = issues.find((i) => issueMatches(i.path, path));
  return issue ? words(issue) : undefined;
}

/** The problems that no field on screen shows. */
export function useUnclaimedIssues(): readonly UiIssue[] {
  const { issues, claimed } = useContext(IssuesContext);
  return issues.filter((i) => ![...claimed].some((path) => issueMatches(i.path, path)));
}

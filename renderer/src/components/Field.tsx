import { useId, type ReactNode } from 'react';
import { useFieldIssue } from './FieldIssues';

export interface ControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: boolean;
}

/**
 * A labelled control with an optional hint and error, wired for screen
 * readers. `path` names the field in the record, so that a problem the core
 * found with it is shown here, in the user's language.
 */
export function Field({
  label,
  hint,
  error: ownError,
  path,
  children,
}: {
  label: ReactNode;
  hint?: ReactNode;
  error?: ReactNode;
  path?: string;
  children: (control: ControlProps) => ReactNode;
}) {
  const id = useId();
  const coreError = useFieldIssue(path);
  const error = ownError || coreError;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <span id={hintId} className="field-hint">
          {hint}
        </span>
      ) : null}
      {children({ id, 'aria-describedby': describedBy, 'aria-invalid': error ? true : undefined })}
      {error ? (
        <span id={errorId} className="field-error">
          {error}
        </span>
      ) : null}
    </div>
  );
}

export function TextField({
  label,
  value,
  onChange,
  hint,
  error,
  type = 'text',
  required,
  autoFocus,
  autoComplete = 'off',
  dir,
  placeholder,
  path,
}: {
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  hint?: ReactNode;
  error?: ReactNode;
  type?: 'text' | 'password' | 'email' | 'search';
  required?: boolean;
  autoFocus?: boolean;
  autoComplete?: string;
  dir?: 'auto' | 'ltr' | 'rtl';
  placeholder?: string;
  path?: string;
}) {
  return (
    <Field label={label} hint={hint} error={error} path={path}>
      {(control) => (
        <input
          {...control}
          type={type}
          value={value}
          required={required}
          autoFocus={autoFocus}
          autoComplete={autoComplete}
          spellCheck={type === 'text' ? undefined : false}
          dir={dir ?? 'auto'}
          placeholder={placeholder}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

export function TextArea({
  label,
  value,
  onChange,
  hint,
  error,
  rows = 4,
  path,
}: {
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  hint?: ReactNode;
  error?: ReactNode;
  rows?: number;
  path?: string;
}) {
  return (
    <Field label={label} hint={hint} error={error} path={path}>
      {(control) => (
        <textarea
          {...control}
          rows={rows}
          value={value}
          dir="auto"
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

/** The <option>s of a list of choices, in the order given. */
export function Options<V extends string>({
  options,
}: {
  options: readonly { value: V; label: string }[];
}) {
  return options.map((o) => (
    <option key={o.value} value={o.value}>
      {o.label}
    </option>
  ));
}

export function SelectField<V extends string>({
  label,
  value,
  onChange,
  options,
  hint,
  error,
  path,
}: {
  label: ReactNode;
  value: V;
  onChange: (value: V) => void;
  options: readonly { value: V; label: string }[];
  hint?: ReactNode;
  error?: ReactNode;
  path?: string;
}) {
  return (
    <Field label={label} hint={hint} error={error} path={path}>
      {(control) => (
        <select {...control} value={value} onChange={(e) => onChange(e.target.value as V)}>
          <Options options={options} />
        </select>
      )}
    </Field>
  );
}

export function Checkbox({
  label,
  checked,
  onChange,
  hint,
}: {
  label: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
  hint?: ReactNode;
}) {
  const id = useId();
  return (
    <div className="choice">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
        aria-describedby={hint ? `${id}-hint` : undefined}
      />
      <label htmlFor={id}>
        {label}
        {hint ? (
          <>
            <br />
            <span id={`${id}-hint`} className="field-hint">
              {hint}
            </span>
          </>
        ) : null}
      </label>
    </div>
  );
}

export function RadioGroup<V extends string>({
  legend,
  value,
  onChange,
  options,
  name,
}: {
  legend: ReactNode;
  value: V;
  onChange: (value: V) => void;
  options: readonly { value: V; label: ReactNode; hint?: ReactNode }[];
  name: string;
}) {
  const id = useId();
  return (
    <fieldset>
      <legend>{legend}</legend>
      {options.map((o) => (
        <div className="choice" key={o.value}>
          <input
            type="radio"
            id={`${id}-${o.value}`}
            name={`${name}-${id}`}
            value={o.value}
            checked={value === o.value}
            onChange={() => onChange(o.value)}
            aria-describedby={o.hint ? `${id}-${o.value}-hint` : undefined}
          />
          <label htmlFor={`${id}-${o.value}`}>
            {o.label}
            {o.hint ? (
              <>
                <br />
                <span id={`${id}-${o.value}-hint`} className="field-hint">
                  {o.hint}
                </span>
              </>
            ) : null}
          </label>
        </div>
      ))}
    </fieldset>
  );
}

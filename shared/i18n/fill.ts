/**
 * Fills `{name}` placeholders: the one helper for every text outside i18next
 * (dossier words, render labels, the CLI). A placeholder without a value stays
 * as written, so a gap shows in the output instead of vanishing silently.
 * (The UI namespace is i18next's and keeps its own `{{name}}` syntax.)
 */
export function fill(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    Object.hasOwn(values, key) ? String(values[key]) : whole,
  );
}

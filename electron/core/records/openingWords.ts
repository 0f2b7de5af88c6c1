/**
 * A testimony's first words, quoted: what tells apart two testimonies of anonymous witnesses
 * where a record needs a label (the trash, a search hit). Empty for an empty statement.
 */
export function openingWords(statement: string, count = 8): string {
  const words = statement.trim().split(/\s+/).filter(Boolean);
  return words.length
    ? `“${words.slice(0, count).join(' ')}${words.length > count ? '…' : ''}”`
    : '';
}

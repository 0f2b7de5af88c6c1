/**
 * Everything the renderer keeps in module memory for the unlocked session
 * (vocabulary terms, unsaved drafts) registers here, and is forgotten at
 * once when the vault locks. Nothing of a case is ever written to storage.
 */
const resets = new Set<() => void>();

export function onSessionEnd(reset: () => void): () => void {
  resets.add(reset);
  return () => resets.delete(reset);
}

export function endSession(): void {
  for (const reset of resets) reset();
}

/** The way back to the page this one was opened from, above the page's heading. */
export function BackLink({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <button type="button" className="link-button back-link" onClick={onClick}>
      {label}
    </button>
  );
}

/** Placeholder: built in the web issue. */
export function PolicyPage() {
  return <div>PolicyPage</div>;
}

/** Placeholder: built in the web issue. */
export function NoticesPage() {
  return <div>NoticesPage</div>;
}

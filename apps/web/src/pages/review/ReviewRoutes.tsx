/** Placeholder: built in the web issue. */
export function ReviewRoutes() {
  return <div>ReviewRoutes</div>;
}

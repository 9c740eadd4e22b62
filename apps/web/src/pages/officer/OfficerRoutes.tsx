/** Placeholder: built in the web issue. */
export function OfficerRoutes() {
  return <div>OfficerRoutes</div>;
}

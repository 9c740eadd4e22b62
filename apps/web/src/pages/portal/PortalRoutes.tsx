/** Placeholder: built in the web issue. */
export function PortalRoutes() {
  return <div>PortalRoutes</div>;
}

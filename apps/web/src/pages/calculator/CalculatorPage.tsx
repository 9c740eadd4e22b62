/** Placeholder: built in the web issue. */
export function CalculatorPage() {
  return <div>CalculatorPage</div>;
}

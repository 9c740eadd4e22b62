import type { ReactNode } from 'react';

/**
 * A wide table's box that scrolls sideways when the screen is narrower than the table: a named
 * region the keyboard can reach (axe's scrollable-region-focusable), not antd's own scroll box.
 */
export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a region that scrolls must take the focus to scroll by keyboard
    <section aria-label={label} tabIndex={0} style={{ overflowX: 'auto', maxWidth: '100%' }}>
      {children}
    </section>
  );
}

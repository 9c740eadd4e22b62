import { type ComponentType, type LazyExoticComponent, lazy } from 'react';

// biome-ignore lint/suspicious/noExplicitAny: React.lazy's own constraint on the component
type AnyComponent = ComponentType<any>;

export type PreloadableComponent<T extends AnyComponent> = LazyExoticComponent<T> & {
  /** Starts fetching the component's code now (once); rendering it later then waits for nothing. */
  preload(): Promise<unknown>;
};

/**
 * React.lazy with a way to start the fetch before the component is rendered: the page an address
 * opens is fetched beside the sign-in check and the area around it, not one after the other. A
 * failed fetch is forgotten, so that the next render tries again.
 */
export function lazyWithPreload<T extends AnyComponent>(load: () => Promise<{ default: T }>): PreloadableComponent<T> {
  let loading: Promise<{ default: T }> | undefined;
  const preload = () => {
    loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
    return loading;
  };
  return Object.assign(lazy(preload), { preload });
}

/** A named export of a module as lazyWithPreload's default. */
export const named =
  <K extends string, T extends AnyComponent>(key: K) =>
  (m: Record<K, T>) => ({ default: m[key] });

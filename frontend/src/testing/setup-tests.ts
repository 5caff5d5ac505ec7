import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach, beforeEach } from 'vitest';
import { setSessionForTesting } from '@/lib/auth/session';
import { DEFAULT_LANGUAGE, i18n } from '@/lib/i18n';

// A `findBy…`/`waitFor` ends when what it waits for appears or when the test's own deadline
// (vite.config.ts `testTimeout`) passes, never on a short timer of its own: the first render of
// a lazily loaded page transforms its modules, which takes seconds on a busy two-core machine.
configure({ asyncUtilTimeout: 280_000 });

/** The width media queries are answered for: a desktop screen, as most officials use. */
const SCREEN_WIDTH = 1280;

function matchesWidth(query: string): boolean {
  const min = /min-width:\s*(\d+)px/.exec(query);
  const max = /max-width:\s*(\d+)px/.exec(query);
  return (!min || SCREEN_WIDTH >= Number(min[1])) && (!max || SCREEN_WIDTH <= Number(max[1]));
}

// jsdom has no matchMedia; antd's responsive helpers (Grid.useBreakpoint) call it.
if (typeof window.matchMedia !== 'function') {
  Object.defineProperty(window, 'matchMedia', {
    writable: true,
    value: (query: string) =>
      ({
        matches: matchesWidth(query),
        media: query,
        onchange: null,
        addEventListener: () => undefined,
        removeEventListener: () => undefined,
        dispatchEvent: () => false,
      }) as Partial<MediaQueryList> as MediaQueryList,
  });
}

// jsdom has no ResizeObserver; antd (Statistic, Table, Progress) and ECharts observe sizes with it.
if (typeof window.ResizeObserver !== 'function') {
  class ResizeObserverStub {
    observe = (): undefined => undefined;
    unobserve = (): undefined => undefined;
    disconnect = (): undefined => undefined;
  }
  Object.defineProperty(window, 'ResizeObserver', { writable: true, configurable: true, value: ResizeObserverStub });
  Object.defineProperty(globalThis, 'ResizeObserver', { writable: true, configurable: true, value: ResizeObserverStub });
}

beforeEach(async () => {
  window.localStorage.clear();
  await i18n.changeLanguage(DEFAULT_LANGUAGE);
});

afterEach(() => {
  cleanup();
  setSessionForTesting(null);
});

import { useCallback, useEffect, useRef, useState } from 'react';
import { loadSettings, updateSettings, watchSettings } from '@/utils/settings';
import type { Settings } from '@/utils/settings-schema';

/** The current settings, kept in sync with every other context, and a function to change them. */
export function useSettings(): [Settings | undefined, (change: Partial<Settings>) => Promise<void>] {
  const [settings, setSettings] = useState<Settings>();
  /** Changes of this page still being written: until the last is, what it shows is newer than storage. */
  const writing = useRef(0);
  useEffect(() => {
    let alive = true;
    void loadSettings().then((loaded) => alive && setSettings(loaded));
    const stop = watchSettings((next) => alive && writing.current === 0 && setSettings(next));
    return () => {
      alive = false;
      stop();
    };
  }, []);
  const update = useCallback(async (change: Partial<Settings>) => {
    // Show the change at once (a switch must not bounce back while storage is written). An earlier
    // change's stored result must not replace it either: a quick second click or key press would
    // then start from the older state and be lost.
    setSettings((current) => (current ? { ...current, ...change } : current));
    writing.current++;
    try {
      const saved = await updateSettings(change);
      if (writing.current === 1) setSettings(saved);
    } finally {
      writing.current--;
    }
  }, []);
  return [settings, update];
}

import { useCallback, useEffect, useState } from 'react';
import { loadSettings, updateSettings, watchSettings } from '@/utils/settings';
import type { Settings } from '@/utils/settings-schema';

/** The current settings, kept in sync with every other context, and a function to change them. */
export function useSettings(): [Settings | undefined, (change: Partial<Settings>) => Promise<void>] {
  const [settings, setSettings] = useState<Settings>();
  useEffect(() => {
    let alive = true;
    void loadSettings().then((loaded) => alive && setSettings(loaded));
    const stop = watchSettings((next) => alive && setSettings(next));
    return () => {
      alive = false;
      stop();
    };
  }, []);
  const update = useCallback(async (change: Partial<Settings>) => {
    // Show the change at once (a switch must not bounce back while storage is written).
    setSettings((current) => (current ? { ...current, ...change } : current));
    setSettings(await updateSettings(change));
  }, []);
  return [settings, update];
}

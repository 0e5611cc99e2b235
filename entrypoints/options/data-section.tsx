import { BackupControls } from './backup-controls';
import { CacheControls } from './cache-section';

/** Everything stored on this device: the translation cache, and backups of what the user owns. */
export function DataSection() {
  return (
    <>
      <CacheControls />
      <BackupControls />
    </>
  );
}

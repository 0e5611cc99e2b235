import type { MessageFailure } from '@/utils/transport/messages';
import type { ProviderHealthView } from '@/utils/translate/types';
import type { ProviderId } from '@/utils/translate/types';

/** What the popup says about the translation service, from the health of the chain in order. */
export type ProviderUse =
  /** The first choice is answering (or will be asked first). */
  | { state: 'working' | 'slow' | 'unused'; provider: ProviderId }
  /** An earlier choice is failing and `provider`, further down the chain, answers instead. */
  | { state: 'falling-back'; provider: ProviderId; failed: ProviderId; kind?: MessageFailure['kind'] }
  /** Nothing in the chain is answering. */
  | { state: 'failing'; provider: ProviderId; kind?: MessageFailure['kind'] };

const isDown = (view: ProviderHealthView) => view.state === 'failing' || view.state === 'skipped';

/**
 * The on-device translator without its model is the usual case on most machines, not a failure
 * worth a warning: the chain simply starts with the next service.
 */
function isExpectedAbsence(view: ProviderHealthView): boolean {
  return view.id === 'chrome-on-device' && (view.kind === undefined || view.kind === 'unavailable');
}

/**
 * Reads the chain's health (in the chosen order) as the popup tells it: the provider requests go
 * to now, and whether that is because an earlier one is failing.
 */
export function providerInUse(health: readonly ProviderHealthView[]): ProviderUse | undefined {
  const current = health.find((view) => !isDown(view));
  const failures = health.filter((view) => isDown(view) && !isExpectedAbsence(view));
  if (!current) {
    const failing = failures[0] ?? health[0];
    return failing && { state: 'failing', provider: failing.id, ...kindOf(failing) };
  }
  const failedBefore = failures.find((view) => health.indexOf(view) < health.indexOf(current));
  if (failedBefore)
    return { state: 'falling-back', provider: current.id, failed: failedBefore.id, ...kindOf(failedBefore) };
  return { state: current.state as 'working' | 'slow' | 'unused', provider: current.id };
}

function kindOf(view: ProviderHealthView) {
  return view.kind ? { kind: view.kind } : {};
}

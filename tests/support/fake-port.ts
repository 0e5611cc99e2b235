import type { PortLike } from '@/utils/transport/translation-port';

export interface FakePort extends PortLike {
  /** Every message this end posted, in order. */
  posted: unknown[];
}

interface End extends FakePort {
  peer?: End;
  closed: boolean;
  messageListeners: ((message: unknown) => void)[];
  disconnectListeners: (() => void)[];
}

function makeEnd(): End {
  const end: End = {
    posted: [],
    closed: false,
    messageListeners: [],
    disconnectListeners: [],
    onMessage: { addListener: (listener) => void end.messageListeners.push(listener) },
    onDisconnect: { addListener: (listener) => void end.disconnectListeners.push(listener) },
    postMessage(message) {
      if (end.closed) throw new Error('Attempting to use a disconnected port object');
      end.posted.push(message);
      const copy = structuredClone(message);
      const peer = end.peer!;
      queueMicrotask(() => {
        if (!peer.closed) for (const listener of peer.messageListeners) listener(copy);
      });
    },
    disconnect() {
      if (end.closed) return;
      end.closed = true;
      const peer = end.peer!;
      peer.closed = true;
      queueMicrotask(() => peer.disconnectListeners.forEach((listener) => listener()));
    },
  };
  return end;
}

/**
 * Two connected in-memory ports, like the ends of `runtime.connect`: a message posted on one end
 * arrives (asynchronously, as a copy) on the other; disconnecting one end notifies the other.
 */
export function portPair(): { content: FakePort; background: FakePort } {
  const content = makeEnd();
  const background = makeEnd();
  content.peer = background;
  background.peer = content;
  return { content, background };
}

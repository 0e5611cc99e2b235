import { setupCommands } from './commands';
import { setupMessageRouter } from './message-router';

// The background only wires its services; each lives in its own module beside this one.
export default defineBackground(() => {
  setupMessageRouter();
  setupCommands();
});

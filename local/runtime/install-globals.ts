// Imported first (jest setupFiles, `npm start`, `npm run sandbox`): the platform's globals must be
// in place before `@forge/api` loads, since it keeps the global `fetch` it finds then.
import { installGlobals } from './globals';

installGlobals();

import { InitialSchema1764756000000 } from './1764756000000-initial-schema';

/** Listed explicitly, oldest first: globs break once the code is bundled or moved. */
export const migrations = [InitialSchema1764756000000];

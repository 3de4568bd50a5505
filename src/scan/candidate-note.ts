/**
 * The note on a call finding that is one of several entries a lookup selects with a key the
 * scanner cannot know (`CallFinding.candidateOf`), written and read in one place.
 */

const SUFFIX = ': the key is not known statically, so every entry is a candidate';

/** Returns the note for the entries of `table` (`ENDPOINTS[…]`). */
export const candidateNote = (table: string): string => `${table}[…]${SUFFIX}`;

/** Returns the lookup a note names (`ENDPOINTS[…]`), or the note itself when it is not one of ours. */
export const candidateTable = (note: string): string => (note.endsWith(SUFFIX) ? note.slice(0, -SUFFIX.length) : note);

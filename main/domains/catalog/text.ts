// How product names and aliases are compared: lower-cased, trimmed, single-spaced.

/** The key a name or alias is stored and looked up by. */
export const nameKey = (s: string): string => s.trim().toLowerCase().replace(/\s+/g, ' ');

/** The words of a key, split on anything that is not a letter or digit ("aashirvaad atta 5kg"). */
export const wordsOf = (key: string): string[] => key.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0);

/** Aliases as stored: keys, without blanks or repeats, in the order given. */
export const aliasKeys = (aliases: readonly string[]): string[] => [...new Set(aliases.map(nameKey).filter((a) => a.length > 0))];

/** Returns a scope name as shown to people: quoted when empty or padded (`""`, `" read:jira-work"`), so it is never a blank. */
export function scopeName(name: string): string {
  return name === '' || name.trim() !== name ? JSON.stringify(name) : name;
}

// Strings the database cannot round-trip faithfully: NUL bytes and lone UTF-16 surrogates.
export interface Violation { pointer: string, detail: string }

export function findBadStrings (value: unknown, pointer: string, out: Violation[] = []): Violation[] {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) out.push({ pointer, detail: 'must not contain NUL bytes' })
    else if (!value.isWellFormed()) out.push({ pointer, detail: 'must not contain lone surrogates (invalid Unicode)' })
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => { findBadStrings(v, `${pointer}/${i}`, out) })
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, v] of Object.entries(value)) {
      if (!key.isWellFormed() || key.includes('\u0000')) out.push({ pointer, detail: 'member names must be valid Unicode without NUL bytes' })
      findBadStrings(v, `${pointer}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`, out)
    }
  }
  return out
}

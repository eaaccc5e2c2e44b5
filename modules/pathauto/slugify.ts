// Turns text into a URL path segment: lowercase ASCII letters, digits and single dashes.
export function slugify (text: string, maxLength = 100): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, maxLength)
    .replace(/-+$/g, '')
}

/** Normalises a rendered pattern into a path: one leading slash, no empty or odd segments. */
export function normalizePath (raw: string): string {
  const segments = raw.split('/').map(s => s.trim().toLowerCase().replace(/[^a-z0-9._~-]+/g, '-').replace(/^-+|-+$/g, '')).filter(Boolean)
  return ('/' + segments.join('/')).slice(0, 200)
}

// An item as operations see it: base fields plus field values in their API shape
// (relationships as resource identifiers).
export interface ResourceIdentifier { type: string, id: string }

export interface ContentItem {
  type: string
  id: string
  /** The revision these values come from (null for types without revisions). */
  rev: number | null
  /** The default (served) revision and the newest revision of the item. */
  defaultRev: number | null
  latestRev: number | null
  /** Bumped on every save; the ETag. */
  version: number
  uid: string | null
  created: string
  changed: string
  status: boolean
  moderationState: string | null
  values: Record<string, unknown>
}

export function etagOf (item: ContentItem): string {
  return `"${item.id}.${item.version}"`
}

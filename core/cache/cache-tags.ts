// Cache tags: `{type}` stands for every list of a type (any write to the type may change which
// items a list holds), `{type}:{id}` for one item wherever it appears (primary data or included).
export function listTag (typeId: string): string {
  return typeId
}

export function itemTag (typeId: string, id: string): string {
  return `${typeId}:${id}`
}

/** What a committed write to one item makes stale. */
export function tagsForWrite (typeId: string, id: string): string[] {
  return [listTag(typeId), itemTag(typeId, id)]
}

/** Collects the tags of one response while it is rendered. */
export class TagSet {
  private readonly tags = new Set<string>()

  list (typeId: string): this {
    this.tags.add(listTag(typeId))
    return this
  }

  item (typeId: string, id: string): this {
    this.tags.add(itemTag(typeId, id))
    return this
  }

  values (): string[] {
    return [...this.tags]
  }

  /** The Surrogate-Key header value (space-separated, the Fastly convention). */
  header (): string {
    return this.values().join(' ')
  }
}

/**
 * Which statement texts run as prepared statements, with a strict bound. A prepared statement costs one
 * round trip (postgres.js describes an unprepared statement that has parameters before it binds it,
 * which is two) and no planning once PostgreSQL settles on a generic plan. But postgres.js keeps a
 * prepared statement on each connection, for the connection's whole life, for every text it was asked
 * to prepare, and a list's text depends on the filters, search terms and ordering a client sends.
 * So a text is prepared from its second use on, and only while fewer than `capacity` texts are; later
 * texts run unprepared, as every statement did before. Nothing is ever evicted: postgres.js cannot free
 * a statement on its connections, so eviction would not bound them.
 */
export class PreparedShapes {
  private readonly prepared = new Set<string>();
  // Texts used once, bounded too: a client sending ever new texts only clears it.
  private readonly seenOnce = new Set<string>();

  constructor(readonly capacity: number) {}

  admits(text: string): boolean {
    if (this.prepared.has(text)) return true;
    if (this.prepared.size >= this.capacity) return false;
    if (!this.seenOnce.delete(text)) {
      if (this.seenOnce.size >= this.capacity * 4) this.seenOnce.clear();
      this.seenOnce.add(text);
      return false;
    }
    this.prepared.add(text);
    return true;
  }
}

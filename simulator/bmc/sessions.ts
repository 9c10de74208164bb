import { randomBytes } from "node:crypto";
import type { Rng } from "../rng";
import type { VendorProfile } from "../vendors/types";

export interface SessionRecord {
  id: string;
  token: string;
  username: string;
  createdAt: Date;
  lastUsedAt: number;
}

export interface SessionInfo {
  id: string;
  username: string;
  createdAt: Date;
  lastUsedAt: Date;
}

export class SessionStore {
  private readonly byId = new Map<string, SessionRecord>();
  private counter = 0;

  constructor(
    private readonly profile: VendorProfile,
    private readonly rng: Rng,
    private readonly idleTimeoutMs: () => number,
  ) {}

  get size(): number {
    this.sweep();
    return this.byId.size;
  }

  create(username: string): SessionRecord {
    const id = this.profile.sessions.id(++this.counter, username, this.rng);
    const record = { id, token: randomBytes(16).toString("hex"), username, createdAt: new Date(), lastUsedAt: Date.now() };
    this.byId.set(id.toLowerCase(), record);
    return record;
  }

  /** The live session holding `token`, touched; expired sessions are dropped on the way. */
  byToken(token: string): SessionRecord | undefined {
    this.sweep();
    for (const record of this.byId.values()) {
      if (record.token === token) {
        record.lastUsedAt = Date.now();
        return record;
      }
    }
    return undefined;
  }

  get(id: string): SessionRecord | undefined {
    this.sweep();
    return this.byId.get(id.toLowerCase());
  }

  delete(id: string): boolean {
    return this.byId.delete(id.toLowerCase());
  }

  list(): SessionRecord[] {
    this.sweep();
    return [...this.byId.values()];
  }

  /** Ends every session (the expiry fault, or a BMC reboot); returns how many there were. */
  clear(): number {
    const count = this.byId.size;
    this.byId.clear();
    return count;
  }

  private sweep(): void {
    const oldest = Date.now() - this.idleTimeoutMs();
    for (const [key, record] of this.byId) if (record.lastUsedAt <= oldest) this.byId.delete(key);
  }
}

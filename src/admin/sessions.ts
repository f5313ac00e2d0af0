import { randomId, sameSecret } from './auth.js';

export interface Session {
  /** Random; the cookie carries it, never the admin token. */
  readonly id: string;
  /** Per-session token every form POST must carry in its `_csrf` field. */
  readonly csrf: string;
  readonly createdAt: number;
  lastSeenAt: number;
  /** A one-time message for the next page (the outcome of a logout). */
  flash: string | undefined;
}

export interface SessionOptions {
  /** Longest a session lives, used or not. */
  readonly maxAgeMs?: number;
  /** Longest a session lives unused. */
  readonly idleMs?: number;
  /** Sessions kept at once; the least recently used one goes first. */
  readonly maxSessions?: number;
  readonly now?: () => number;
}

export const SESSION_DEFAULTS = {
  maxAgeMs: 8 * 60 * 60 * 1000,
  idleMs: 60 * 60 * 1000,
  maxSessions: 100,
} as const;

/** Admin sessions in memory: a restart signs everybody out, which is acceptable here. */
export class SessionStore {
  readonly #sessions = new Map<string, Session>();
  readonly #maxAgeMs: number;
  readonly #idleMs: number;
  readonly #max: number;
  readonly #now: () => number;

  constructor(options: SessionOptions = {}) {
    this.#maxAgeMs = options.maxAgeMs ?? SESSION_DEFAULTS.maxAgeMs;
    this.#idleMs = options.idleMs ?? SESSION_DEFAULTS.idleMs;
    this.#max = options.maxSessions ?? SESSION_DEFAULTS.maxSessions;
    this.#now = options.now ?? Date.now;
  }

  get maxAgeSeconds(): number {
    return Math.floor(this.#maxAgeMs / 1000);
  }

  create(): Session {
    const now = this.#now();
    const session = {
      id: randomId(),
      csrf: randomId(),
      createdAt: now,
      lastSeenAt: now,
      flash: undefined,
    };
    this.#sessions.set(session.id, session);
    this.#evict(now);
    return session;
  }

  /** The live session a cookie names; touching it keeps it alive. */
  find(id: string | undefined): Session | undefined {
    if (id === undefined) return undefined;
    const session = this.#sessions.get(id);
    if (session === undefined) return undefined;
    const now = this.#now();
    if (this.#expired(session, now)) {
      this.#sessions.delete(id);
      return undefined;
    }
    session.lastSeenAt = now;
    // Re-inserting keeps the map in least-recently-used order for eviction.
    this.#sessions.delete(id);
    this.#sessions.set(id, session);
    return session;
  }

  delete(id: string): void {
    this.#sessions.delete(id);
  }

  checkCsrf(session: Session, presented: unknown): boolean {
    return sameSecret(presented, session.csrf);
  }

  #expired(session: Session, now: number): boolean {
    return now - session.createdAt > this.#maxAgeMs || now - session.lastSeenAt > this.#idleMs;
  }

  #evict(now: number): void {
    for (const [id, session] of this.#sessions) {
      if (this.#expired(session, now)) this.#sessions.delete(id);
    }
    while (this.#sessions.size > this.#max) {
      const oldest = this.#sessions.keys().next().value;
      if (oldest === undefined) break;
      this.#sessions.delete(oldest);
    }
  }
}

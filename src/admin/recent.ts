export type ActionSource = 'page' | 'api';

export interface RecentAction {
  readonly at: string;
  readonly source: ActionSource;
  readonly action: 'logout' | 'bulk';
  /** The device for a logout; the job id for a bulk run. */
  readonly subject: string;
  readonly outcome: string;
  readonly message: string;
}

/** The last actions taken through the admin page and API, newest first, in memory. */
export class RecentActions {
  readonly #items: RecentAction[] = [];
  readonly #max: number;
  readonly #now: () => number;

  constructor(max = 50, now: () => number = Date.now) {
    this.#max = max;
    this.#now = now;
  }

  add(action: Omit<RecentAction, 'at'>): void {
    this.#items.unshift({ at: new Date(this.#now()).toISOString(), ...action });
    this.#items.length = Math.min(this.#items.length, this.#max);
  }

  list(): readonly RecentAction[] {
    return this.#items;
  }
}

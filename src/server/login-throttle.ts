// Failed sign-ins (wrong password or wrong token), counted per client address and over all addresses, in memory.
//
// Per address: 5 failures are free, then each further one blocks that address for 1 s, 2 s, 4 s … up to 15 min.
// A success from the address, or a day without failures, forgets it. Other addresses are not affected, so a
// guesser on one machine never locks the owner out of another.
//
// Overall: past 30 failures (from any mix of addresses) the same doubling applies to the whole server, but only to
// networks (an IPv4 address, an IPv6 /64) that have failed within the hour. A machine with no failure on record
// (the owner's usual one) still gets its answer, and a valid session cookie is never throttled; a guesser
// spreading over many IPv4 addresses gets one try per fresh address, then waits. An hour without failures ends
// the overall back-off.
export interface ThrottlePolicy {
  freePerAddress: number;
  freeOverall: number;
  firstBlockMs: number;
  maxBlockMs: number;
  forgetAddressMs: number;
  forgetOverallMs: number;
}

export const DEFAULT_THROTTLE_POLICY: ThrottlePolicy = {
  freePerAddress: 5,
  freeOverall: 30,
  firstBlockMs: 1000,
  maxBlockMs: 15 * 60_000,
  forgetAddressMs: 24 * 3_600_000,
  forgetOverallMs: 3_600_000,
};

interface FailureRecord {
  failures: number;
  lastFailureAt: number;
  blockedUntil: number;
}

// A busy LAN has far fewer addresses than this; past it the oldest records go (an attacker cycling addresses
// then meets the overall back-off instead).
const MAX_ADDRESSES = 10_000;

export class LoginThrottle {
  private readonly addresses = new Map<string, FailureRecord>();
  // When each network (see networkOf) last failed: during the overall back-off a network that failed is held back.
  private readonly networks = new Map<string, number>();
  private overall: FailureRecord = { failures: 0, lastFailureAt: 0, blockedUntil: 0 };

  constructor(private readonly now: () => number, private readonly policy: ThrottlePolicy = DEFAULT_THROTTLE_POLICY) {}

  // Seconds the address must wait before its next attempt, or 0 if it may try now.
  retryAfter(address: string, network = address): number {
    const at = this.now();
    const own = this.current(address, at)?.blockedUntil ?? 0;
    const failedAt = this.networks.get(network);
    const overall = failedAt !== undefined && at - failedAt <= this.policy.forgetOverallMs ? this.overallCurrent(at).blockedUntil : 0;
    const until = Math.max(own, overall);
    return until > at ? Math.ceil((until - at) / 1000) : 0;
  }

  // Whether the address has failed lately: one that has not (the owner's usual machine) goes first in the queue.
  hasFailed(address: string): boolean {
    return this.current(address, this.now()) !== null;
  }

  failed(address: string, network = address): void {
    const at = this.now();
    this.networks.delete(network);
    this.networks.set(network, at);
    if (this.networks.size > MAX_ADDRESSES) this.networks.delete(this.networks.keys().next().value!);
    const own = this.current(address, at) ?? { failures: 0, lastFailureAt: at, blockedUntil: 0 };
    this.addresses.delete(address);
    this.addresses.set(address, this.bump(own, at, this.policy.freePerAddress));
    if (this.addresses.size > MAX_ADDRESSES) this.addresses.delete(this.addresses.keys().next().value!);
    this.overall = this.bump(this.overallCurrent(at), at, this.policy.freeOverall);
  }

  succeeded(address: string): void {
    this.addresses.delete(address);
  }

  private bump(r: FailureRecord, at: number, free: number): FailureRecord {
    const failures = r.failures + 1;
    const over = failures - free;
    const block = over > 0 ? Math.min(this.policy.firstBlockMs * 2 ** Math.min(over - 1, 30), this.policy.maxBlockMs) : 0;
    return { failures, lastFailureAt: at, blockedUntil: block ? at + block : 0 };
  }

  private current(address: string, at: number): FailureRecord | null {
    const r = this.addresses.get(address);
    if (!r) return null;
    if (at - r.lastFailureAt > this.policy.forgetAddressMs) {
      this.addresses.delete(address);
      return null;
    }
    return r;
  }

  private overallCurrent(at: number): FailureRecord {
    if (at - this.overall.lastFailureAt > this.policy.forgetOverallMs) this.overall = { failures: 0, lastFailureAt: 0, blockedUntil: 0 };
    return this.overall;
  }
}

// Argon2 verifications (~85 ms of a core each) two at a time on this two-core class of machine, with a short
// queue, so guesses cannot take every core from real requests. Each address may hold only a couple of places,
// so one guesser cannot fill the queue for everyone, and an address with no recent failure goes ahead of the rest.
export class VerifyQueue {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  private readonly waitingFirst: (() => void)[] = [];
  private readonly perAddress = new Map<string, number>();

  constructor(private readonly concurrency = 2, private readonly maxQueued = 8, private readonly maxPerAddress = 2) {}

  // The task's result, or null when there is no room (the caller answers 429 without running it).
  async run<T>(address: string, task: () => Promise<T>, first = false): Promise<T | null> {
    const held = this.perAddress.get(address) ?? 0;
    if (held >= this.maxPerAddress || this.waiting.length + this.waitingFirst.length >= this.maxQueued) return null;
    this.perAddress.set(address, held + 1);
    try {
      if (this.running >= this.concurrency) await new Promise<void>((resolve) => (first ? this.waitingFirst : this.waiting).push(resolve));
      else this.running += 1;
      try {
        return await task();
      } finally {
        const next = this.waitingFirst.shift() ?? this.waiting.shift();
        // The slot passes straight to the next in line; running only drops when nobody waits.
        if (next) next();
        else this.running -= 1;
      }
    } finally {
      const left = (this.perAddress.get(address) ?? 1) - 1;
      if (left) this.perAddress.set(address, left);
      else this.perAddress.delete(address);
    }
  }
}

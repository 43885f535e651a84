// Every date rule takes a clock, so cadences and dormancy are testable at any "now".
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export const fixedClock = (iso: string): Clock => {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) throw new Error(`fixedClock: bad date ${iso}`);
  return { now: () => new Date(at) };
};

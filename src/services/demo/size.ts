// How big a demo network may be; its own module so the CLI can show the limits without loading the generator.
export const DEMO_DEFAULT_SIZE = 200;
export const DEMO_MAX_SIZE = 50_000;

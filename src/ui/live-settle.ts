/**
 * How long the view must rest before the screen reader hears its counts (LiveRegion.tsx): long
 * enough that scrubbing or playback does not flood the reader with every step. A module of its
 * own so that the bench can wait past it without loading React components.
 */
export const LIVE_SETTLE_MS = 400;

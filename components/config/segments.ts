/**
 * Segment defaults. Two-second CMAF segments: CloudFront's media-quality-based origin group decides
 * per segment request, so a short segment bounds how long viewers see a failing region's output,
 * and three segments behind live keeps glass-to-glass latency near 10 s. MediaPackage v2 accepts
 * 1-30 s and needs its endpoint segment to be a multiple of the ingest segment; OnAir uses the same
 * length for both, identical in every region.
 */
export const SEGMENT_DEFAULTS = {
    lengthSeconds: { min: 1, max: 30, default: 2 },
    /** One minute of live manifest: 30 two-second segments, enough for players to ride out a stall. */
    manifestWindowSeconds: { min: 6, max: 900, default: 60 },
    /** Four hours of start-over covers a game with pre- and post-show; MediaPackage allows up to 14 days. */
    startoverWindowSeconds: { min: 60, max: 1_209_600, default: 14_400 },
} as const;

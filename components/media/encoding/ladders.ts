import { FrameRate, LadderName } from "../../config/types";

/** One video rendition of an ABR ladder. Ladders are data: tune here, not in the encoder code. */
export interface Rung {
    name: string;
    width: number;
    height: number;
    codec: "h264" | "h265";
    /** Peak bitrate, bits per second (QVBR ceiling). */
    maxBitrate: number;
    /** MediaLive QVBR quality level 1-10. */
    qvbrQuality: number;
    /** Lower rungs run at half the channel rate (59.94 -> 29.97): a simple ratio keeps epoch locking. */
    rate: "full" | "half";
}

/**
 * UHD: HEVC for the 2160p/1440p top (where it saves a third of the bits), AVC below so every device
 * can start and fall back. HD: AVC throughout, two full-motion rungs for sports.
 */
export const LADDERS: Record<LadderName, Rung[]> = {
    uhd: [
        { name: "2160p", width: 3840, height: 2160, codec: "h265", maxBitrate: 16_000_000, qvbrQuality: 9, rate: "full" },
        { name: "1440p", width: 2560, height: 1440, codec: "h265", maxBitrate: 9_000_000, qvbrQuality: 8, rate: "full" },
        { name: "1080p", width: 1920, height: 1080, codec: "h264", maxBitrate: 6_000_000, qvbrQuality: 8, rate: "full" },
        { name: "720p", width: 1280, height: 720, codec: "h264", maxBitrate: 3_500_000, qvbrQuality: 7, rate: "full" },
    ],
    hd: [
        { name: "1080p", width: 1920, height: 1080, codec: "h264", maxBitrate: 6_000_000, qvbrQuality: 8, rate: "full" },
        { name: "720p", width: 1280, height: 720, codec: "h264", maxBitrate: 3_500_000, qvbrQuality: 7, rate: "full" },
        { name: "540p", width: 960, height: 540, codec: "h264", maxBitrate: 2_000_000, qvbrQuality: 7, rate: "half" },
        { name: "360p", width: 640, height: 360, codec: "h264", maxBitrate: 800_000, qvbrQuality: 6, rate: "half" },
    ],
};

/** Audio encodes per layout. */
export const AUDIO_ENCODES = {
    stereo: { codec: "aac", bitrate: 128_000 },
    "surround-5.1": { codec: "eac3", bitrate: 384_000 },
} as const;

export interface Rational {
    numerator: number;
    denominator: number;
}

const RATES: Record<FrameRate, Rational> = {
    "25": { numerator: 25, denominator: 1 },
    "29.97": { numerator: 30000, denominator: 1001 },
    "30": { numerator: 30, denominator: 1 },
    "50": { numerator: 50, denominator: 1 },
    "59.94": { numerator: 60000, denominator: 1001 },
    "60": { numerator: 60, denominator: 1 },
};

/** The rung's frame rate as an exact fraction; half rate only applies above 30 fps. */
export function rungFrameRate(channelRate: FrameRate, rung: Rung): Rational {
    const full = RATES[channelRate];
    if (rung.rate === "half" && full.numerator / full.denominator > 31) {
        return { numerator: full.numerator / 2, denominator: full.denominator };
    }
    return full;
}

/** Whole frames per nominal second: 25, 30, 50 or 60 (29.97 counts 30 frames a "second" of 1.001 s). */
export function nominalFps(rate: Rational): number {
    return Math.round(rate.numerator / rate.denominator);
}

/**
 * Closed GOP length in frames: 2 nominal seconds for even segment lengths, 1 otherwise, so every
 * segment holds a whole number of GOPs. At 59.94 fps a 2 s GOP is 120 frames, exactly 2.002 s.
 */
export function gopFrames(rate: Rational, segmentSeconds: number): number {
    const gopSeconds = segmentSeconds % 2 === 0 ? 2 : 1;
    return gopSeconds * nominalFps(rate);
}

/**
 * The exact length of a segment of `segmentSeconds` nominal seconds, in milliseconds: a whole number
 * of frames at the rate (segmentSeconds x nominal fps), so the epoch grid MediaLive numbers segments
 * on and the frames it cuts them from agree exactly. 2 s at 59.94 or 29.97 fps is 2002 ms (120 or
 * 60 frames); at 25/30/50/60 fps it is 2000 ms. See docs/adr/ (segment and GOP alignment).
 */
export function segmentMilliseconds(rate: Rational, segmentSeconds: number): number {
    const frames = segmentSeconds * nominalFps(rate);
    const ms = (frames * 1000 * rate.denominator) / rate.numerator;
    if (!Number.isInteger(ms)) throw new Error(`${segmentSeconds} s at ${rate.numerator}/${rate.denominator} fps is not a whole number of milliseconds`);
    return ms;
}

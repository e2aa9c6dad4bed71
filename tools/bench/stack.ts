import { StackConfig } from "../../components/config/stackConfig";
import { BENCH_SECRETS, syntheticSeason } from "./syntheticSeason";

/** The synthetic season as the CLI would hand it to the program: secrets marked, providers disabled. */
export function syntheticStack(channels: number): StackConfig {
    const config: Record<string, string> = {
        "pulumi:disable-default-providers": JSON.stringify(["aws", "aws-native"]),
        "onair:season": JSON.stringify(syntheticSeason(channels)),
    };
    for (const [k, v] of Object.entries(BENCH_SECRETS)) config[`onair:${k}`] = v;
    return {
        project: "onair",
        stack: "bench",
        config,
        secretKeys: Object.keys(BENCH_SECRETS)
            .map((k) => `onair:${k}`)
            .sort(),
        source: `(synthetic, ${channels} channels)`,
    };
}

// The policy packs compare settings with the same canonical JSON the program uses; the one copy
// lives with the packs (a published pack can only load what its folder holds).
export { sortedKeys, stableJson } from "../policies/lib/stableJson";

import { resourcePolicy } from "../../../lib/policy";
import { field, list, str } from "../../../lib/props";
import { T } from "../../../../contracts/resourceTypes";
import { FLOW_TYPES, flowEndpoints } from "../../../lib/mediaconnect";
import { isSet } from "../../../lib/unknown";

const SRT = ["srt-listener", "srt-caller"];

/**
 * Unencrypted SRT exposes the programme on the public internet before any
 * rights or geo rule applies.
 */
export const enforceSrtEncryption = resourcePolicy(
    {
        name: "onair-mediaconnect-flow-enforce-srt-encryption",
        description: "SRT contribution (MediaConnect sources and outputs, MediaLive SRT inputs) must be encrypted with a passphrase held in Secrets Manager.",
        rationale:
            "Contribution feeds are the clean, full-quality programme; anyone on the path could record or re-stream them. SRT's AES encryption with a passphrase from Secrets Manager keeps the feed private without putting the key in the stack.",
        severity: "critical",
        enforcementLevel: "mandatory",
        url: "https://docs.aws.amazon.com/mediaconnect/latest/ug/encryption-srt-password-set-up.html",
        remediationSteps:
            "Set decryption (sources) or encryption (outputs) to { keyType: srt-password, secretArn, roleArn }; for MediaLive SRT inputs set Decryption.PassphraseSecretArn.",
        appliesTo: [...FLOW_TYPES, T.onairMediaLiveInput],
    },
    (props, args, report) => {
        if (args.type === T.onairMediaLiveInput) {
            const request = field(props, "request");
            if (str(field(request, "type")) !== "SRT_CALLER") return;
            list(field(field(request, "srtSettings"), "srtCallerSources")).forEach((s, i) => {
                // The secret's ARN is computed by Secrets Manager: set, even while not known.
                if (!isSet(() => field(field(s, "decryption"), "passphraseSecretArn"))) {
                    report(
                        `MediaLive SRT input "${args.name}": caller source #${i + 1} (${str(field(s, "srtListenerAddress")) ?? "?"}) is not encrypted; set Decryption with a PassphraseSecretArn.`,
                    );
                }
            });
            return;
        }
        for (const e of flowEndpoints(args, props)) {
            if (!SRT.includes(str(e.props["protocol"]) ?? "")) continue;
            const crypto = field(e.props, e.kind === "output" ? "encryption" : "decryption");
            const keyType = str(field(crypto, "keyType"));
            if (keyType !== "srt-password" || !isSet(() => field(crypto, "secretArn")) || !isSet(() => field(crypto, "roleArn"))) {
                report(
                    `MediaConnect SRT ${e.kind} "${e.name}" of "${args.name}" is not encrypted with an SRT passphrase (keyType ${keyType ?? "unset"}); set ${e.kind === "output" ? "encryption" : "decryption"} { keyType: srt-password, secretArn, roleArn }.`,
                );
            }
        }
    },
);

/**
 * What the emulator adds to a DescribeChannel / DescribeInput answer that the request never set:
 * members of the API model's shapes (names in their restJson1 `jsonName`, enum values from the
 * model's enums, medialive-2017-10-14.json), filled in only where the request left them out. Real
 * MediaLive answers the same way (server defaults, empty lists for lists never set, runtime members
 * such as pipelineDetails), which is what makes a naive drift comparison fail.
 */

type Json = Record<string, any>;

function fill(target: Json, defaults: Json): void {
    for (const [k, v] of Object.entries(defaults)) {
        if (target[k] === undefined) target[k] = structuredClone(v);
    }
}

/** H264Settings / H265Settings members (enums H264FlickerAq, H264SpatialAq, H264Syntax, ...). */
const H264 = {
    flickerAq: "ENABLED",
    spatialAq: "ENABLED",
    temporalAq: "ENABLED",
    syntax: "DEFAULT",
    subgopLength: "FIXED",
    parControl: "SPECIFIED",
    parNumerator: 1,
    parDenominator: 1,
    numRefFrames: 1,
    forceFieldPictures: "DISABLED",
    gopBReference: "DISABLED",
    bufFillPct: 90,
    minIInterval: 0,
};
const H265 = {
    flickerAq: "ENABLED",
    alternativeTransferFunction: "OMIT",
    mvOverPictureBoundaries: "ENABLED",
    mvTemporalPredictor: "ENABLED",
    tilePadding: "NONE",
    treeblockSize: "AUTO",
    parNumerator: 1,
    parDenominator: 1,
    minIInterval: 0,
};

/** The channel as DescribeChannel returns it: the request plus server defaults and runtime members. */
export function describedChannel(body: Json, extra: Json): Json {
    const c: Json = structuredClone(body);
    fill(c, { logLevel: "DISABLED", tags: {}, cdiInputSpecification: { resolution: "HD" } });
    const es: Json = (c["encoderSettings"] ??= {});
    // EncoderSettings: lists the request never set come back empty, features come back DISABLED.
    fill(es, {
        captionDescriptions: [],
        audioDescriptions: [],
        featureActivations: { inputPrepareScheduleActions: "DISABLED", outputStaticImageOverlayScheduleActions: "DISABLED" },
        thumbnailConfiguration: { state: "DISABLED" },
        availBlanking: { state: "DISABLED" },
    });
    fill((es["globalConfiguration"] ??= {}), { inputEndAction: "NONE", supportLowFramerateInputs: "DISABLED", initialAudioGain: 0 });
    for (const v of es["videoDescriptions"] ?? []) {
        fill(v, { respondToAfd: "NONE", scalingBehavior: "DEFAULT", sharpness: 50 });
        if (v.codecSettings?.h264Settings) fill(v.codecSettings.h264Settings, H264);
        if (v.codecSettings?.h265Settings) fill(v.codecSettings.h265Settings, H265);
    }
    for (const a of es["audioDescriptions"] ?? []) {
        fill(a, { audioTypeControl: "FOLLOW_INPUT", languageCodeControl: "FOLLOW_INPUT" });
        if (a.codecSettings?.eac3Settings)
            fill(a.codecSettings.eac3Settings, {
                attenuationControl: "NONE",
                drcLine: "FILM_STANDARD",
                drcRf: "FILM_STANDARD",
                metadataControl: "USE_CONFIGURED",
                phaseControl: "SHIFT_90_DEGREES",
                surroundMode: "NOT_INDICATED",
            });
        if (a.codecSettings?.aacSettings) fill(a.codecSettings.aacSettings, { inputType: "NORMAL" });
    }
    for (const g of es["outputGroups"] ?? []) {
        const cmaf = g.outputGroupSettings?.cmafIngestGroupSettings;
        if (cmaf)
            fill(cmaf, {
                sendDelayMs: 0,
                id3Behavior: "DISABLED",
                timedMetadataId3Frame: "NONE",
                timedMetadataPassthrough: "DISABLED",
                additionalDestinations: [],
            });
        for (const o of g.outputs ?? []) fill(o, { audioDescriptionNames: [], captionDescriptionNames: [] });
    }
    for (const att of c["inputAttachments"] ?? []) {
        const s: Json = (att.inputSettings ??= {});
        fill(s, {
            filterStrength: 1,
            smpte2038DataPreference: "IGNORE",
            networkInputSettings: { serverValidation: "CHECK_CRYPTOGRAPHY_AND_VALIDATE_NAME" },
            captionSelectors: [],
            audioSelectors: [],
        });
    }
    for (const d of c["destinations"] ?? []) fill(d, { mediaPackageSettings: [], settings: [] });
    return {
        ...c,
        ...extra,
        egressEndpoints: [{ sourceIp: "203.0.113.200" }, { sourceIp: "203.0.113.201" }],
        pipelinesRunningCount: extra["state"] === "RUNNING" ? (c["channelClass"] === "SINGLE_PIPELINE" ? 1 : 2) : 0,
        pipelineDetails: [],
        maintenance: { maintenanceDay: "THURSDAY", maintenanceStartTime: "04:00" },
        channelEngineVersion: { version: "DEFAULT" },
    };
}

/** The input as DescribeInput returns it. RTP_PUSH inputs carry no srtSettings member at all. */
export function describedInput(body: Json, extra: Json): Json {
    const i: Json = structuredClone(body);
    const { inputSecurityGroups, ...rest } = i;
    return {
        ...rest,
        securityGroups: inputSecurityGroups ?? [],
        tags: i["tags"] ?? {},
        inputClass: "STANDARD",
        inputSourceType: "STATIC",
        mediaConnectFlows: [],
        sources: [],
        inputDevices: [],
        inputPartnerIds: [],
        inputNetworkLocation: "AWS",
        ...extra,
    };
}

import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { LogField, REALTIME_LOG_FIELDS, STANDARD_LOG_COLUMNS } from "./logFields";
import { NAMED_QUERIES } from "./queries";

export const REALTIME_PREFIX = "realtime/";
export const ATHENA_RESULTS_PREFIX = "athena-results/";

/** Glue/Athena identifiers: lowercase, underscores. */
export function glueName(season: string): string {
    return `onair_${season.replace(/-/g, "_")}`;
}

function columns(fields: LogField[]) {
    return fields.map((c) => ({ name: c.column, type: c.type }));
}

const TSV = {
    inputFormat: "org.apache.hadoop.mapred.TextInputFormat",
    outputFormat: "org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat",
    serDeInfo: {
        serializationLibrary: "org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe",
        parameters: { "field.delim": "\t", "serialization.format": "\t" },
    },
};

/** Glue tables over both log streams, an Athena workgroup and the operators' named queries. */
export function logAnalytics(season: string, bucket: pulumi.Output<string>, accessLogPrefix: string, cutoffGb: number, opts: pulumi.CustomResourceOptions) {
    const database = new aws.glue.CatalogDatabase(
        "log-analytics",
        { name: glueName(season), description: `OnAir ${season}: CloudFront access and real-time logs` },
        opts,
    );
    new aws.glue.CatalogTable(
        "standard-logs",
        {
            name: "standard_logs",
            databaseName: database.name,
            tableType: "EXTERNAL_TABLE",
            // Each standard log file starts with two header lines (#Version, #Fields).
            parameters: { EXTERNAL: "TRUE", "skip.header.line.count": "2" },
            storageDescriptor: { ...TSV, location: pulumi.interpolate`s3://${bucket}/${accessLogPrefix}`, columns: columns(STANDARD_LOG_COLUMNS) },
        },
        opts,
    );
    new aws.glue.CatalogTable(
        "realtime-logs",
        {
            name: "realtime_logs",
            databaseName: database.name,
            tableType: "EXTERNAL_TABLE",
            // Partition projection on the day Firehose writes (realtime/yyyy/MM/dd/): no crawler, no MSCK.
            parameters: {
                EXTERNAL: "TRUE",
                "projection.enabled": "true",
                "projection.dt.type": "date",
                "projection.dt.format": "yyyy/MM/dd",
                "projection.dt.range": "2024/01/01,NOW",
                "projection.dt.interval": "1",
                "projection.dt.interval.unit": "DAYS",
                "storage.location.template": pulumi.interpolate`s3://${bucket}/${REALTIME_PREFIX}\${dt}/`,
            },
            partitionKeys: [{ name: "dt", type: "string" }],
            storageDescriptor: { ...TSV, location: pulumi.interpolate`s3://${bucket}/${REALTIME_PREFIX}`, columns: columns(REALTIME_LOG_FIELDS) },
        },
        opts,
    );
    const workgroup = new aws.athena.Workgroup(
        "log-analytics",
        {
            name: `onair-${season}`,
            description: `OnAir ${season}: log queries; results encrypted, scans capped`,
            configuration: {
                enforceWorkgroupConfiguration: true,
                publishCloudwatchMetricsEnabled: true,
                bytesScannedCutoffPerQuery: cutoffGb * 1024 ** 3,
                resultConfiguration: {
                    outputLocation: pulumi.interpolate`s3://${bucket}/${ATHENA_RESULTS_PREFIX}`,
                    encryptionConfiguration: { encryptionOption: "SSE_S3" },
                },
            },
        },
        opts,
    );
    const queries = NAMED_QUERIES.map(
        (q) =>
            new aws.athena.NamedQuery(
                `query-${q.name}`,
                {
                    name: `onair-${season}-${q.name}`,
                    description: `${q.description} Parameters: ${q.parameters.join(", ")}.`,
                    database: database.name,
                    workgroup: workgroup.name,
                    query: q.sql,
                },
                opts,
            ),
    );
    return { database, workgroup, queries };
}

/**
 * The validator refuses what the AWS, EKS and Kubernetes APIs would refuse only at `pulumi up` (or at
 * run time), each with its full key, the value and what is allowed; and accepts what they accept.
 */
import { expect } from "chai";

import { TLS12_OR_LATER_POLICIES } from "../../config/ingress";
import { splitConfig } from "../../config/reader";
import { type RawConfig, validateConfig } from "../../config/validator";
import { problems, PUBLIC_CIDRS, raw } from "./config-helpers";

const K = "datafold-aws:";
/** The required keys as full config keys, as Pulumi passes them. */
const REQUIRED_KEYS = {
  "datafold-aws:deploymentName": "acme",
  "datafold-aws:domain": "datafold.acme.example",
  "datafold-aws:cluster": JSON.stringify(PUBLIC_CIDRS),
};
const KMS_UUID = "1a2b3c4d-5e6f-7a8b-9c0d-1e2f3a4b5c6d";

/** A node group that is fine on its own: in the primary AZ, labelled. */
const group = (name: string, extra: Record<string, unknown> = {}) => ({
  name,
  instanceTypes: ["r7a.2xlarge"],
  placement: "primary",
  labels: { "datafold.com/node-pool": name },
  ...extra,
});
const withGroups = (...nodeGroups: unknown[]) => raw({ cluster: { ...PUBLIC_CIDRS, nodeGroups } });

const LABEL_KEY_RULE = "a Kubernetes label key ([prefix/]name, letters, digits, - _ .) of at most 63 characters in all";
const RESERVED_LABEL =
  "a key outside the kubernetes.io, k8s.io, eks.amazonaws.com namespaces (and their subdomains), which EKS and the kubelet reserve";
const LABEL_VALUE_RULE = "a label value of 1 to 63 letters, digits, - _ ., starting and ending with a letter or digit";
const RETYPED =
  "YAML reads unquoted digits, true and false as numbers and booleans (1.30 becomes 1.3, 0123 becomes 123)";

describe("config against the APIs' rules", () => {
  describe("refuses, one problem at a time", () => {
    const table: [string, RawConfig, string][] = [
      // Node group labels and taints (EKS's node group API and the kubelet).
      [
        "a label in a subdomain of kubernetes.io",
        withGroups(group("data", { labels: { "node-role.kubernetes.io/app": "true" } })),
        `${K}cluster.nodeGroups[0].labels.node-role.kubernetes.io/app: got "true"; expected ${RESERVED_LABEL}`,
      ],
      [
        "a label in k8s.io",
        withGroups(group("data", { labels: { "k8s.io/pool": "data" } })),
        `${K}cluster.nodeGroups[0].labels.k8s.io/pool: got "data"; expected ${RESERVED_LABEL}`,
      ],
      [
        "a label in eks.amazonaws.com",
        withGroups(group("data", { labels: { "eks.amazonaws.com/pool": "data" } })),
        `${K}cluster.nodeGroups[0].labels.eks.amazonaws.com/pool: got "data"; expected ${RESERVED_LABEL}`,
      ],
      [
        "a label key of 64 characters (prefix included)",
        withGroups(group("data", { labels: { [`datafold.com/${"k".repeat(51)}`]: "data" } })),
        `${K}cluster.nodeGroups[0].labels.datafold.com/${"k".repeat(51)}: got "data"; expected ${LABEL_KEY_RULE}`,
      ],
      [
        "a label value of 64 characters",
        withGroups(group("data", { labels: { pool: "v".repeat(64) } })),
        `${K}cluster.nodeGroups[0].labels.pool: got "${"v".repeat(64)}"; expected ${LABEL_VALUE_RULE}`,
      ],
      [
        "an empty label value",
        withGroups(group("data", { labels: { pool: "" } })),
        `${K}cluster.nodeGroups[0].labels.pool: got ""; expected ${LABEL_VALUE_RULE}`,
      ],
      [
        "a taint key of 64 characters",
        withGroups(group("a"), group("data", { taints: [{ key: `x.io/${"k".repeat(59)}`, effect: "NoSchedule" }] })),
        `${K}cluster.nodeGroups[1].taints[0].key: got "x.io/${"k".repeat(59)}"; expected a taint key ([prefix/]name, letters, digits, - _ .) of 1 to 63 characters in all`,
      ],
      [
        "a taint value of 64 characters",
        withGroups(group("a"), group("data", { taints: [{ key: "clickhouse", value: "v".repeat(64) }] })),
        `${K}cluster.nodeGroups[1].taints[0].value: got "${"v".repeat(64)}"; expected a taint value of at most 63 letters, digits, - _ ., starting and ending with a letter or digit`,
      ],
      [
        "every node group tainted",
        withGroups(
          group("data", { taints: [{ key: "clickhouse", value: "reserved", effect: "NoSchedule" }] }),
          group("batch", { taints: [{ key: "batch", value: "only", effect: "NoExecute" }] }),
        ),
        `${K}cluster.nodeGroups: got ["data","batch"]; expected at least one group without a NoSchedule or NoExecute taint, for pods without tolerations: CoreDNS, the Load Balancer Controller, metrics-server and the cluster autoscaler would otherwise have nowhere to run`,
      ],
      [
        "node groups none of which is in the primary AZ",
        withGroups(group("app", { placement: "all" })),
        `${K}cluster.nodeGroups: got ["app: all"]; expected at least one group with placement: primary: ClickHouse and Redis run next to their EBS volumes, which live in the primary AZ only (a group across all AZs may have no node there)`,
      ],
      [
        "a data group with no label beside a group across all AZs (ClickHouse's scheduling dropped)",
        withGroups(group("app", { placement: "all", labels: {} }), group("data", { labels: {} })),
        `${K}cluster.nodeGroups: got ["app","data"]; expected a label on the group ClickHouse and Redis run on (data, the first placed in the primary AZ), such as datafold.com/node-pool: data: it is their nodeSelector in applicationSettings; without one they may be scheduled on another group, away from their volumes`,
      ],
      [
        "an instance type that does not exist",
        withGroups(group("data", { instanceTypes: ["r7a.2xlage"] })),
        `${K}cluster.nodeGroups[0].instanceTypes[0]: got "r7a.2xlage"; expected EC2 instance types such as r7a.2xlarge (a family and a size EC2 offers; config/aws-data.ts lists them)`,
      ],
      [
        "451 nodes in a group",
        withGroups(group("data", { maxSize: 451 })),
        `${K}cluster.nodeGroups[0].maxSize: got 451; expected an integer from 1 to 450`,
      ],
      // Regions, partitions, versions.
      [
        "a region that does not exist",
        raw({}, "us-east-7"),
        'aws:region: got "us-east-7"; expected a region of the aws, aws-cn or aws-us-gov partition, such as us-east-1 (config/aws-data.ts lists them)',
      ],
      [
        "AZ ids of another region",
        raw({ network: { availabilityZoneIds: ["usw2-az1", "use1-az2"] } }),
        `${K}network.availabilityZoneIds[0]: got "usw2-az1"; expected an AZ id of aws:region us-east-1, such as use1-az1 (this one is another region's)`,
      ],
      [
        "a Kubernetes version EKS no longer offers",
        raw({ cluster: { ...PUBLIC_CIDRS, kubernetesVersion: "1.28" } }),
        `${K}cluster.kubernetesVersion: got "1.28"; expected a Kubernetes minor version EKS offers: "1.32", "1.33", "1.34", "1.35", "1.36"`,
      ],
      [
        "a PostgreSQL minor version RDS never released",
        raw({ database: { engineVersion: "17.40" } }),
        `${K}database.engineVersion: got "17.40"; expected a PostgreSQL version RDS offers: a major version (13, 14, 15, 16, 17, 18) or major.minor (17.9); for 17: 17.5, 17.6, 17.7, 17.8, 17.9, or "17" for the latest`,
      ],
      [
        "a PostgreSQL minor version RDS no longer creates",
        raw({ database: { engineVersion: "16.5" } }),
        `${K}database.engineVersion: got "16.5"; expected a PostgreSQL version RDS offers: a major version (13, 14, 15, 16, 17, 18) or major.minor (17.9); for 16: 16.3, 16.4, 16.9, 16.10, 16.11, 16.12, 16.13 (RDS no longer creates 16.5 instances), or "16" for the latest`,
      ],
      [
        "a PostgreSQL major version RDS does not have",
        raw({ database: { engineVersion: "19" } }),
        `${K}database.engineVersion: got "19"; expected a PostgreSQL version RDS offers: a major version (13, 14, 15, 16, 17, 18) or major.minor (17.9)`,
      ],
      [
        "a DB instance class that does not exist",
        raw({ database: { instanceClass: "db.t4g.meduim" } }),
        `${K}database.instanceClass: got "db.t4g.meduim"; expected an RDS instance class such as db.t4g.medium: db. and an EC2 instance type (config/aws-data.ts lists them)`,
      ],
      [
        "a KMS key of another region",
        raw({ storage: { kmsKeyArn: `arn:aws:kms:eu-west-1:123456789012:key/${KMS_UUID}` } }),
        `${K}storage.kmsKeyArn: got "arn:aws:kms:eu-west-1:123456789012:key/${KMS_UUID}"; expected a key in the stack's region us-east-1 (volumes and buckets use keys of their own region; for a multi-Region key, its replica's ARN in us-east-1)`,
      ],
      [
        "a KMS key of another partition",
        raw({ storage: { kmsKeyArn: `arn:aws-cn:kms:us-east-1:123456789012:key/${KMS_UUID}` } }),
        `${K}storage.kmsKeyArn: got "arn:aws-cn:kms:us-east-1:123456789012:key/${KMS_UUID}"; expected an ARN of the aws partition, the partition of aws:region us-east-1`,
      ],
      [
        "a certificate of another partition",
        raw({ ingress: { certificateArn: `arn:aws-us-gov:acm:us-east-1:123456789012:certificate/${KMS_UUID}` } }),
        `${K}ingress.certificateArn: got "arn:aws-us-gov:acm:us-east-1:123456789012:certificate/${KMS_UUID}"; expected an ARN of the aws partition, the partition of aws:region us-east-1`,
      ],
      [
        "an administrator of another partition",
        raw({ cluster: { ...PUBLIC_CIDRS, adminRoleArns: ["arn:aws-cn:iam::123456789012:role/Admin"] } }),
        `${K}cluster.adminRoleArns: got "arn:aws-cn:iam::123456789012:role/Admin"; expected an ARN of the aws partition, the partition of aws:region us-east-1`,
      ],
      // The database's storage.
      [
        "a storage ceiling less than 10% above the allocated storage",
        raw({ database: { allocatedStorageGb: 20, maxAllocatedStorageGb: 21 } }),
        `${K}database.maxAllocatedStorageGb: got 21; expected at least 10% more than database.allocatedStorageGb (20): 22 or more (RDS refuses a smaller storage autoscaling threshold)`,
      ],
      // Names derived from deploymentName.
      [
        "a deployment name that makes a load balancer named internal-...",
        raw({ deploymentName: "internal-tools" }),
        `${K}deploymentName: got "internal-tools"; expected a name from which every derived name is valid: the load balancer would be named "internal-tools-xxxxxx", and Elastic Load Balancing takes at most 32 letters, digits and hyphens, not starting or ending with a hyphen, not starting with "internal-"`,
      ],
      [
        "a deployment name that makes a load balancer named internal-..., with alb mode set explicitly",
        raw({ deploymentName: "internal-tools", ingress: { mode: "alb" } }),
        `${K}deploymentName: got "internal-tools"; expected a name from which every derived name is valid: the load balancer would be named "internal-tools-xxxxxx", and Elastic Load Balancing takes at most 32 letters, digits and hyphens, not starting or ending with a hyphen, not starting with "internal-"`,
      ],
      [
        "a deployment name that makes a bucket named xn--...",
        raw({ deploymentName: "xn--acme" }),
        `${K}deploymentName: got "xn--acme"; expected a name from which every derived name is valid: the ClickHouse backup bucket would be named "xn--acme-clickhouse-backups-xxxxxxxx", and S3 takes 3 to 63 lowercase letters, digits, periods and hyphens, starting and ending with a letter or digit, not an IP address, not starting with xn--, sthree- or amzn-s3-demo-, not ending with -s3alias, --ol-s3, .mrap, --x-s3 or --table-s3; the database would be named "xn--acme", and RDS takes 1 to 63 letters, digits and hyphens, starting with a letter, without two hyphens in a row or a hyphen at the end; the database's final snapshot and the database's parameter group would be named "xn--acme-final" and "xn--acme-db-abcdef0", and RDS takes 1 to 255 letters, digits and hyphens, starting with a letter, without two hyphens in a row or a hyphen at the end`,
      ],
      [
        "a deployment name with -- (RDS identifiers)",
        raw({ deploymentName: "acme--x" }),
        `${K}deploymentName: got "acme--x"; expected a name from which every derived name is valid: the database would be named "acme--x", and RDS takes 1 to 63 letters, digits and hyphens, starting with a letter, without two hyphens in a row or a hyphen at the end; the database's final snapshot and the database's parameter group would be named "acme--x-final" and "acme--x-db-abcdef0", and RDS takes 1 to 255 letters, digits and hyphens, starting with a letter, without two hyphens in a row or a hyphen at the end`,
      ],
      [
        "a deployment name that is a namespace every cluster has",
        raw({ deploymentName: "kube-system" }),
        `${K}deploymentName: got "kube-system"; expected a name from which every derived name is valid: the Kubernetes namespace would be named "kube-system", and Kubernetes takes a namespace of the application's own: not default, and not starting with kube- (kube-system, kube-public, kube-node-lease and the prefix are Kubernetes')`,
      ],
      [
        "a deployment name that makes security groups named sg-...",
        raw({ deploymentName: "sg-acme" }),
        `${K}deploymentName: got "sg-acme"; expected a name from which every derived name is valid: the load balancer's security group would be named "sg-acme-lb-abcdef0", and EC2 takes a name of 1 to 255 characters of a-z A-Z 0-9, spaces and ._-:/()#,@[]+=&;{}!$*, not starting with sg-`,
      ],
      [
        "a domain over 64 characters while the certificate is requested here",
        raw({ domain: `${"d".repeat(55)}.acme.example` }),
        `${K}domain: got "${"d".repeat(55)}.acme.example"; expected at most 64 characters while the certificate is requested here (ACM's limit for a certificate's domain name; it is 68); or give ingress.certificateArn`,
      ],
      // Tags.
      [
        "more tags than fit beside the program's own",
        raw({ tags: Object.fromEntries(Array.from({ length: 45 }, (_, i) => [`t${i}`, "v"])) }),
        `${K}tags: got "45 tags"; expected at most 44: AWS takes 50 tags a resource and the program adds up to 6 of its own (managed-by, datafold:deployment, datafold:node-group, Name, k8s.io/cluster-autoscaler/enabled, k8s.io/cluster-autoscaler/x)`,
      ],
      [
        "a tag value with a character AWS tagging refuses",
        raw({ tags: { team: "data,platform" } }),
        `${K}tags.team: got "data,platform"; expected a tag value of at most 256 letters, digits, spaces and _ . : / = + - @`,
      ],
      [
        "a tag key the program sets itself",
        raw({ tags: { "managed-by": "terraform" } }),
        `${K}tags.managed-by: got "terraform"; expected a key the program does not set itself (it sets Name, managed-by, datafold:deployment, datafold:role, datafold:volume, datafold:node-group and kubernetes.io/..., k8s.io/cluster-autoscaler/...); rename the tag`,
      ],
      // CIDRs and TLS.
      [
        "public endpoint CIDRs that add up to the whole internet",
        raw({ cluster: { publicAccessCidrs: ["0.0.0.0/1", "128.0.0.0/1"] } }),
        `${K}cluster.publicAccessCidrs: got ["0.0.0.0/1","128.0.0.0/1"]; expected CIDRs no wider than a /8: 0.0.0.0/0 is refused, and so are ranges that add up to most of the internet (0.0.0.0/1 with 128.0.0.0/1)`,
      ],
      [
        "0.0.0.0/00",
        raw({ cluster: { publicAccessCidrs: ["0.0.0.0/00"] } }),
        `${K}cluster.publicAccessCidrs[0]: got "0.0.0.0/00"; expected an IPv4 CIDR such as 10.0.0.0/24 with a prefix from /0 to /32`,
      ],
      [
        "a TLS 1.3 policy that also allows TLS 1.1",
        raw({ ingress: { sslPolicy: "ELBSecurityPolicy-TLS13-1-1-2021-06" } }),
        `${K}ingress.sslPolicy: got "ELBSecurityPolicy-TLS13-1-1-2021-06"; expected an Application Load Balancer security policy without TLS 1.0 or 1.1: ${TLS12_OR_LATER_POLICIES.join(", ")}`,
      ],
      // Keys that mean nothing in the mode chosen, named as the file has them.
      [
        "flow log retention in an existing VPC",
        raw({
          network: {
            vpcId: "vpc-0a1b2c3d",
            privateSubnetIds: ["subnet-0a1b2c3d", "subnet-1a1b2c3d"],
            flowLogsRetentionDays: 30,
          },
          ingress: { internal: true },
        }),
        `${K}network.flowLogsRetentionDays: got 30; expected no value: it is not used with network.vpcId (an existing VPC is not changed); remove it, or clear vpcId to create a VPC`,
      ],
      [
        "flow log retention with flow logs off",
        raw({ network: { flowLogsRetentionDays: 30 } }),
        `${K}network.flowLogsRetentionDays: got 30; expected no value while network.flowLogs is false (no flow log group is created); set flowLogs: true, or remove it`,
      ],
      [
        "public subnet ids without a VPC id, named as public",
        raw({ network: { publicSubnetIds: ["subnet-0a1b2c3d"] } }),
        `${K}network.publicSubnetIds: got ["subnet-0a1b2c3d"]; expected subnet ids only with network.vpcId; without it this program creates the subnets from the CIDRs`,
      ],
      [
        "a validation timeout for a certificate that is given",
        raw({
          ingress: {
            certificateArn: `arn:aws:acm:us-east-1:123456789012:certificate/${KMS_UUID}`,
            certificateValidationTimeoutMinutes: 30,
          },
        }),
        `${K}ingress.certificateValidationTimeoutMinutes: got 30; expected no value while ingress.certificateArn is given: only a certificate requested here is waited for; remove it`,
      ],
      [
        "a hosted zone that controller mode with a given certificate never uses",
        raw({
          ingress: {
            mode: "controller",
            certificateArn: `arn:aws:acm:us-east-1:123456789012:certificate/${KMS_UUID}`,
            hostedZoneId: "Z0123456789ABCDEFGHIJ",
          },
        }),
        `${K}ingress.hostedZoneId: got "Z0123456789ABCDEFGHIJ"; expected no value in controller mode with ingress.certificateArn given: the zone is used only to validate a requested certificate (the controller's load balancer gets no alias record here); remove it`,
      ],
      // YAML that retypes or loses a value.
      [
        "an empty value (null), which must not fall back to the default",
        raw({ database: { engineVersion: null } }),
        `${K}database.engineVersion: got null (YAML reads an empty value, ~ and null as null); expected a PostgreSQL version RDS offers, major ("17") or major.minor ("17.9"). Remove the key to use the default "17"`,
      ],
      [
        "a Kubernetes version read as a number (1.30 as 1.3)",
        raw({ cluster: { ...PUBLIC_CIDRS, kubernetesVersion: 1.3 } }),
        `${K}cluster.kubernetesVersion: got 1.3, a number; expected a Kubernetes minor version EKS offers: "1.32", "1.33", "1.34", "1.35", "1.36", as text (${RETYPED}); quoting it is not enough: "1.3" and "1.30" are not allowed either`,
      ],
      [
        "a Kubernetes version EKS offers, read as a number",
        raw({ cluster: { ...PUBLIC_CIDRS, kubernetesVersion: 1.33 } }),
        `${K}cluster.kubernetesVersion: got 1.33, a number; expected a Kubernetes minor version EKS offers: "1.32", "1.33", "1.34", "1.35", "1.36", as text: quote it, "1.33" (${RETYPED})`,
      ],
      [
        "an engine version read as a number with a minor (16.10 as 16.1)",
        raw({ database: { engineVersion: 16.1 } }),
        `${K}database.engineVersion: got 16.1, a number; expected a PostgreSQL version RDS offers, major ("17") or major.minor ("17.9"), as text: quote it, "16.1" or "16.10" (${RETYPED})`,
      ],
      [
        "an account id that lost its leading zero",
        raw({ access: { trustedAccountId: 12345678901 } }),
        `${K}access.trustedAccountId: got 12345678901, a number; expected a 12-digit AWS account id, as text (${RETYPED}); quoting it is not enough: "12345678901" is not allowed either`,
      ],
      [
        "a tag value read as a number",
        raw({ tags: { "cost-center": 1234 } }),
        `${K}tags.cost-center: got 1234, a number; expected a string, as text: quote it (${RETYPED})`,
      ],
      // Keys of a namespace the program never reads.
      [
        "a section under datafold: instead of datafold-aws:",
        {
          ...splitConfig(
            {
              "datafold-aws:deploymentName": "acme",
              "datafold-aws:domain": "datafold.acme.example",
              "datafold-aws:cluster": JSON.stringify(PUBLIC_CIDRS),
              "aws:region": "us-east-1",
              "pulumi:tags": '{"team":"data"}',
              "datafold:database": '{"multiAz":true}',
            },
            "us-east-1",
          ),
        },
        `datafold:database: got {"multiAz":true}; expected a key in the project's namespace (datafold-aws:database) or a provider's (aws, kubernetes, random, eks, pulumi): the program reads no other namespace, so this value would be ignored`,
      ],
      [
        "any other key of the datafold: namespace, one the project does not have either",
        splitConfig({ ...REQUIRED_KEYS, "datafold:anything": "x" }, "us-east-1"),
        `datafold:anything: got "x"; expected a key in the project's namespace (datafold-aws:...) or a provider's (aws, kubernetes, random, eks, pulumi): the program reads no other namespace, so this value would be ignored`,
      ],
      [
        "a key of another project's namespace",
        splitConfig({ ...REQUIRED_KEYS, "acme:ingress": '{"internal":true}' }, "us-east-1"),
        `acme:ingress: got {"internal":true}; expected a key in the project's namespace (datafold-aws:ingress) or a provider's (aws, kubernetes, random, eks, pulumi): the program reads no other namespace, so this value would be ignored`,
      ],
    ];
    for (const [what, config, problem] of table) {
      it(`refuses ${what}`, () => {
        expect(problems(config)).to.deep.equal([problem]);
      });
    }
  });

  describe("accepts what the APIs accept", () => {
    const table: [string, RawConfig][] = [
      [
        "a multi-Region KMS key",
        raw({ storage: { kmsKeyArn: `arn:aws:kms:us-east-1:123456789012:key/mrk-${"0a".repeat(16)}` } }),
      ],
      ["node groups of 450 nodes", withGroups(group("data", { minSize: 450, maxSize: 450, desiredSize: 450 }))],
      ["the TLS 1.3-only policy", raw({ ingress: { sslPolicy: "ELBSecurityPolicy-TLS13-1-3-2021-06" } })],
      [
        "a deployment name that would make a load balancer named internal-... in controller mode (the program creates no load balancer or target group there)",
        raw({ deploymentName: "internal-tools", ingress: { mode: "controller" } }),
      ],
      [
        "a storage ceiling exactly 10% above the allocated storage",
        raw({ database: { allocatedStorageGb: 20, maxAllocatedStorageGb: 22 } }),
      ],
      ["44 tags of its own", raw({ tags: Object.fromEntries(Array.from({ length: 44 }, (_, i) => [`t${i}`, "v"])) })],
      [
        "a 64-character domain while the certificate is requested here",
        raw({ domain: `${"d".repeat(51)}.acme.example` }),
      ],
      [
        "a label key of 63 characters and a taint value of 63",
        withGroups(
          group("a"),
          group("data", {
            labels: { [`datafold.com/${"k".repeat(50)}`]: "v".repeat(63) },
            taints: [{ key: "clickhouse", value: "v".repeat(63), effect: "NoSchedule" }],
          }),
        ),
      ],
      [
        "a PreferNoSchedule taint on every group (pods can still run there)",
        withGroups(group("data", { taints: [{ key: "x", value: "y", effect: "PreferNoSchedule" }] })),
      ],
      ["a 12-digit account id read as a number", raw({ access: { trustedAccountId: 710753145501 } })],
      ["engine version 17 read as a number", raw({ database: { engineVersion: 17 } })],
      ["a PostgreSQL minor version RDS offers", raw({ database: { engineVersion: "18.3" } })],
      [
        "Performance Insights on db.t4g.micro (RDS for PostgreSQL restricts no class)",
        raw({ database: { instanceClass: "db.t4g.micro" } }),
      ],
      ["AZ ids of the stack's region", raw({ network: { availabilityZoneIds: ["use1-az4", "use1-az6"] } })],
      ["flow log retention with flow logs on", raw({ network: { flowLogs: true, flowLogsRetentionDays: 30 } })],
      [
        "a region of the China partition with its own ARNs",
        raw(
          {
            storage: { kmsKeyArn: `arn:aws-cn:kms:cn-north-1:123456789012:key/${KMS_UUID}` },
            cluster: { ...PUBLIC_CIDRS, adminRoleArns: ["arn:aws-cn:iam::123456789012:role/Admin"] },
          },
          "cn-north-1",
        ),
      ],
      [
        "the keys of pulumi: and the providers' namespaces",
        splitConfig(
          {
            "datafold-aws:deploymentName": "acme",
            "datafold-aws:domain": "datafold.acme.example",
            "datafold-aws:cluster": JSON.stringify(PUBLIC_CIDRS),
            "aws:region": "us-east-1",
            "aws:profile": "prod",
            "pulumi:tags": "{}",
            "kubernetes:enableServerSideApply": "true",
          },
          "us-east-1",
        ),
      ],
    ];
    for (const [what, config] of table) {
      it(`accepts ${what}`, () => expect(problems(config)).to.deep.equal([]));
    }
    it('reads a 12-digit account id given as a number as its text, and engine version 17 as "17"', () => {
      const s = validateConfig(raw({ access: { trustedAccountId: 710753145501 }, database: { engineVersion: 17 } }));
      expect([s.access.trustedAccountId, s.database.engineVersion]).to.deep.equal(["710753145501", "17"]);
    });
  });
});

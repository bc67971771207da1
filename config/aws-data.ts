/**
 * Facts about AWS that change over time, in one place, each with its public source and the date it
 * was read: regions and their AZ-id prefixes, the Kubernetes versions EKS offers, the PostgreSQL
 * versions RDS offers, the EC2 instance types and the Application Load Balancer security policies. The validator (config/) holds the config to
 * them; update a table when AWS changes, with its new source and date. Plain data; no Pulumi import.
 */

// ---------------------------------------------------------------------------------------------
// Regions.

/** A region this program can deploy to: its partition and the prefix of its AZ ids. */
export interface RegionFacts {
  /** `aws`, `aws-cn` or `aws-us-gov`: the partition of every ARN in the region. */
  readonly partition: "aws" | "aws-cn" | "aws-us-gov";
  /** The prefix of the region's AZ ids: use1 in use1-az4. */
  readonly azIdPrefix: string;
}

/**
 * The regions of the partitions `aws`, `aws-cn` and `aws-us-gov`. Source: boto/botocore
 * botocore/data/partitions.json (commit 0e6e2404b85d, 2026-08-07; read 2026-12-05): the `regions`
 * of each partition. Left out: the isolated partitions (aws-iso*) and the European Sovereign Cloud
 * (aws-eusc), which this program is not built for.
 *
 * AZ-id prefixes: the region's area, its direction abbreviated (n s e w c ne nw se sw) and its
 * number. Source for the form: AWS Regions and Availability Zones, "AZ IDs" (euw1-az1 for
 * eu-west-1); Amazon EFS User Guide, "Supported Availability Zones for One Zone file systems"
 * (use1-, use2-, usw1-, usw2- for the US regions); `aws ec2 describe-availability-zones` output in
 * public gists (apne1-az4 for ap-northeast-1, gist matsubo/9308b3a9). The China and GovCloud
 * prefixes (cnn1, cnnw1, usge1, usgw1) follow the same form; no direct source was found for them.
 */
export const REGIONS: Readonly<Record<string, RegionFacts>> = {
  "af-south-1": { partition: "aws", azIdPrefix: "afs1" },
  "ap-east-1": { partition: "aws", azIdPrefix: "ape1" },
  "ap-east-2": { partition: "aws", azIdPrefix: "ape2" },
  "ap-northeast-1": { partition: "aws", azIdPrefix: "apne1" },
  "ap-northeast-2": { partition: "aws", azIdPrefix: "apne2" },
  "ap-northeast-3": { partition: "aws", azIdPrefix: "apne3" },
  "ap-south-1": { partition: "aws", azIdPrefix: "aps1" },
  "ap-south-2": { partition: "aws", azIdPrefix: "aps2" },
  "ap-southeast-1": { partition: "aws", azIdPrefix: "apse1" },
  "ap-southeast-2": { partition: "aws", azIdPrefix: "apse2" },
  "ap-southeast-3": { partition: "aws", azIdPrefix: "apse3" },
  "ap-southeast-4": { partition: "aws", azIdPrefix: "apse4" },
  "ap-southeast-5": { partition: "aws", azIdPrefix: "apse5" },
  "ap-southeast-6": { partition: "aws", azIdPrefix: "apse6" },
  "ap-southeast-7": { partition: "aws", azIdPrefix: "apse7" },
  "ca-central-1": { partition: "aws", azIdPrefix: "cac1" },
  "ca-west-1": { partition: "aws", azIdPrefix: "caw1" },
  "eu-central-1": { partition: "aws", azIdPrefix: "euc1" },
  "eu-central-2": { partition: "aws", azIdPrefix: "euc2" },
  "eu-north-1": { partition: "aws", azIdPrefix: "eun1" },
  "eu-south-1": { partition: "aws", azIdPrefix: "eus1" },
  "eu-south-2": { partition: "aws", azIdPrefix: "eus2" },
  "eu-west-1": { partition: "aws", azIdPrefix: "euw1" },
  "eu-west-2": { partition: "aws", azIdPrefix: "euw2" },
  "eu-west-3": { partition: "aws", azIdPrefix: "euw3" },
  "il-central-1": { partition: "aws", azIdPrefix: "ilc1" },
  "me-central-1": { partition: "aws", azIdPrefix: "mec1" },
  "me-south-1": { partition: "aws", azIdPrefix: "mes1" },
  "mx-central-1": { partition: "aws", azIdPrefix: "mxc1" },
  "sa-east-1": { partition: "aws", azIdPrefix: "sae1" },
  "us-east-1": { partition: "aws", azIdPrefix: "use1" },
  "us-east-2": { partition: "aws", azIdPrefix: "use2" },
  "us-west-1": { partition: "aws", azIdPrefix: "usw1" },
  "us-west-2": { partition: "aws", azIdPrefix: "usw2" },
  "cn-north-1": { partition: "aws-cn", azIdPrefix: "cnn1" },
  "cn-northwest-1": { partition: "aws-cn", azIdPrefix: "cnnw1" },
  "us-gov-east-1": { partition: "aws-us-gov", azIdPrefix: "usge1" },
  "us-gov-west-1": { partition: "aws-us-gov", azIdPrefix: "usgw1" },
};

// ---------------------------------------------------------------------------------------------
// EKS.

/**
 * The Kubernetes minor versions EKS offers for new clusters (standard or extended support), with
 * the end of extended support (after it, EKS creates no cluster of that version). Read 2026-12-05.
 * Sources: awsdocs/amazon-eks-user-guide latest/ug/versioning/kubernetes-versions.adoc (commit
 * 013856044148), "Amazon EKS Kubernetes release calendar", for 1.32 to 1.34 (1.29 to 1.31: extended
 * support ended before the read date); endoflife.date/amazon-eks for 1.35 (EKS release 2026-01-28,
 * end of extended support 2028-03-27); the EKS User Guide's own example of the current version
 * (docs.aws.amazon.com/eks/latest/userguide/kubernetes-versions, its translations: "such as 1.36")
 * for 1.36, whose dates were not found.
 */
export const EKS_KUBERNETES_VERSIONS: readonly { readonly version: string; readonly endOfExtendedSupport?: string }[] =
  [
    { version: "1.32", endOfExtendedSupport: "2027-03-23" },
    { version: "1.33", endOfExtendedSupport: "2027-07-29" },
    { version: "1.34", endOfExtendedSupport: "2027-12-02" },
    { version: "1.35", endOfExtendedSupport: "2028-03-27" },
    { version: "1.36" },
  ];

// ---------------------------------------------------------------------------------------------
// RDS.

/**
 * The PostgreSQL versions of RDS: per major version, the first and the latest minor RDS released
 * and the minors it no longer creates instances of. Read 2026-12-05. Sources: aws/aws-cdk
 * packages/aws-cdk-lib/aws-rds/lib/instance-engine.ts (commit 86c215dc3d51), `PostgresEngineVersion`:
 * every version RDS released, those it no longer supports marked deprecated; and the AWS Health
 * notice quoted in the saayam-for-all/database wiki ("AWS RDS instances - Health Checks",
 * 2026-05-30): no new instances of 14.14-14.17, 15.9-15.12, 16.5-16.8, 17.1-17.4 from 2026-05-01.
 * Major 13 is in RDS Extended Support (paid) since its standard support ended. A minor older than
 * the ones listed withdrawn may be withdrawn too without a source saying so: RDS then refuses it.
 */
export const RDS_POSTGRES_VERSIONS: Readonly<
  Record<string, { readonly first: number; readonly latest: number; readonly withdrawn: readonly number[] }>
> = {
  "13": { first: 1, latest: 23, withdrawn: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 17, 19] },
  "14": { first: 1, latest: 22, withdrawn: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 14, 15, 16, 17] },
  "15": { first: 2, latest: 17, withdrawn: [2, 3, 4, 5, 6, 9, 10, 11, 12] },
  "16": { first: 1, latest: 13, withdrawn: [1, 2, 5, 6, 7, 8] },
  "17": { first: 1, latest: 9, withdrawn: [1, 2, 3, 4] },
  "18": { first: 1, latest: 3, withdrawn: [] },
};

// ---------------------------------------------------------------------------------------------
// EC2 instance types.

/**
 * The EC2 instance types, as family: its sizes. Source: @pulumi/aws 7.48.0 (this project's
 * dependency), types/enums/ec2 `InstanceType`: the provider's list of the EC2 API's instance type
 * names (read 2026-12-05). An instance type is `<family>.<size>`; an RDS DB instance class is one
 * of them with the prefix `db.` (RDS User Guide, "DB instance classes": each class family runs on
 * the EC2 family of the same name).
 */
export const EC2_INSTANCE_SIZES: Readonly<Record<string, string>> = {
  a1: "medium large xlarge 2xlarge 4xlarge metal",
  c1: "medium xlarge",
  c3: "large xlarge 2xlarge 4xlarge 8xlarge",
  c4: "large xlarge 2xlarge 4xlarge 8xlarge",
  c5: "large xlarge 2xlarge 4xlarge 9xlarge 12xlarge 18xlarge 24xlarge metal",
  c5a: "large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge",
  c5ad: "large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge",
  c5d: "large xlarge 2xlarge 4xlarge 9xlarge 12xlarge 18xlarge 24xlarge metal",
  c5n: "large xlarge 2xlarge 4xlarge 9xlarge 18xlarge metal",
  c6a: "large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge 32xlarge 48xlarge metal",
  c6g: "medium large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge metal",
  c6gd: "medium large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge metal",
  c6gn: "medium large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge",
  c6i: "large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge 32xlarge metal",
  c6id: "large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge 32xlarge metal",
  c6in: "large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge 32xlarge metal",
  c7a: "medium large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge 32xlarge 48xlarge metal-48xl",
  c7g: "medium large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge metal",
  c7gd: "medium large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge metal",
  c7gn: "medium large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge metal",
  c7i: "large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge 48xlarge metal-24xl metal-48xl",
  "c7i-flex": "large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge",
  c8a: "medium large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge 48xlarge metal-24xl metal-48xl",
  c8g: "medium large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge 48xlarge metal-24xl metal-48xl",
  c8gb: "medium large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge 48xlarge metal-24xl metal-48xl",
  c8gd: "medium large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge 48xlarge metal-24xl metal-48xl",
  c8gn: "medium large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge 48xlarge metal-24xl metal-48xl",
  c8i: "large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge 32xlarge 48xlarge 96xlarge metal-48xl metal-96xl",
  "c8i-flex": "large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge",
  c8ib: "large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge 32xlarge 48xlarge 96xlarge metal-48xl metal-96xl",
  c8id: "large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge 32xlarge 48xlarge 96xlarge metal-48xl metal-96xl",
  c8in: "large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge 32xlarge 48xlarge 96xlarge metal-48xl metal-96xl",
  c8ine: "large xlarge 2xlarge 4xlarge 8xlarge 12xlarge",
  c9g: "medium large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge 48xlarge metal-48xl",
  c9gd: "medium large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge 48xlarge metal-48xl",
  cc1: "4xlarge",
  cc2: "8xlarge",
  cg1: "4xlarge",
  cr1: "8xlarge",
  d2: "xlarge 2xlarge 4xlarge 8xlarge",
  d3: "xlarge 2xlarge 4xlarge 8xlarge",
  d3en: "xlarge 2xlarge 4xlarge 6xlarge 8xlarge 12xlarge",
  dl1: "24xlarge",
  dl2q: "24xlarge",
  f1: "2xlarge 4xlarge 16xlarge",
  f2: "6xlarge 12xlarge 48xlarge",
  g2: "2xlarge 8xlarge",
  g3: "4xlarge 8xlarge 16xlarge",
  g3s: "xlarge",
  g4ad: "xlarge 2xlarge 4xlarge 8xlarge 16xlarge",
  g4dn: "xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge metal",
  g5: "xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge 48xlarge",
  g5g: "xlarge 2xlarge 4xlarge 8xlarge 16xlarge metal",
  g6: "xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge 48xlarge",
  g6e: "xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge 48xlarge",
  g6f: "large xlarge 2xlarge 4xlarge",
  g7: "2xlarge 4xlarge 8xlarge 12xlarge 24xlarge 48xlarge",
  g7e: "2xlarge 4xlarge 8xlarge 12xlarge 24xlarge 48xlarge",
  gr6: "4xlarge 8xlarge",
  gr6f: "4xlarge",
  h1: "2xlarge 4xlarge 8xlarge 16xlarge",
  hi1: "4xlarge",
  hpc6a: "48xlarge",
  hpc6id: "32xlarge",
  hpc7a: "12xlarge 24xlarge 48xlarge 96xlarge",
  hpc7g: "4xlarge 8xlarge 16xlarge",
  hpc8a: "96xlarge",
  hs1: "8xlarge",
  i2: "xlarge 2xlarge 4xlarge 8xlarge",
  i3: "large xlarge 2xlarge 4xlarge 8xlarge 16xlarge metal",
  i3en: "large xlarge 2xlarge 3xlarge 6xlarge 12xlarge 24xlarge metal",
  i4g: "large xlarge 2xlarge 4xlarge 8xlarge 16xlarge",
  i4i: "large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge 32xlarge metal",
  i7i: "large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge 48xlarge metal-24xl metal-48xl",
  i7ie: "large xlarge 2xlarge 3xlarge 6xlarge 12xlarge 18xlarge 24xlarge 48xlarge metal-24xl metal-48xl",
  i8g: "large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge 48xlarge metal-24xl",
  i8ge: "large xlarge 2xlarge 3xlarge 6xlarge 12xlarge 18xlarge 24xlarge 48xlarge metal-24xl metal-48xl",
  im4gn: "large xlarge 2xlarge 4xlarge 8xlarge 16xlarge",
  inf1: "xlarge 2xlarge 6xlarge 24xlarge",
  inf2: "xlarge 8xlarge 24xlarge 48xlarge",
  is4gen: "medium large xlarge 2xlarge 4xlarge 8xlarge",
  m1: "small medium large xlarge",
  m2: "xlarge 2xlarge 4xlarge",
  m3: "medium large xlarge 2xlarge",
  m4: "large xlarge 2xlarge 4xlarge 10xlarge 16xlarge",
  m5: "large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge metal",
  m5a: "large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge",
  m5ad: "large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge",
  m5d: "large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge metal",
  m5dn: "large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge metal",
  m5n: "large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge metal",
  m5zn: "large xlarge 2xlarge 3xlarge 6xlarge 12xlarge metal",
  m6a: "large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge 32xlarge 48xlarge metal",
  m6g: "medium large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge metal",
  m6gd: "medium large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge metal",
  m6i: "large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge 32xlarge metal",
  m6id: "large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge 32xlarge metal",
  m6idn: "large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge 32xlarge metal",
  m6in: "large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge 32xlarge metal",
  m7a: "medium large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge 32xlarge 48xlarge metal-48xl",
  m7g: "medium large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge metal",
  m7gd: "medium large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge metal",
  m7i: "large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge 48xlarge metal-24xl metal-48xl",
  "m7i-flex": "large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge",
  m8a: "medium large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge 48xlarge metal-24xl metal-48xl",
  m8azn: "medium large xlarge 3xlarge 6xlarge 12xlarge 24xlarge metal-12xl metal-24xl",
  m8g: "medium large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge 48xlarge metal-24xl metal-48xl",
  m8gb: "medium large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge 48xlarge metal-24xl metal-48xl",
  m8gd: "medium large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge 48xlarge metal-24xl metal-48xl",
  m8gn: "medium large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge 48xlarge metal-24xl metal-48xl",
  m8i: "large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge 32xlarge 48xlarge 96xlarge metal-48xl metal-96xl",
  "m8i-flex": "large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge",
  m8ib: "large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge 32xlarge 48xlarge 96xlarge metal-48xl metal-96xl",
  m8id: "large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge 32xlarge 48xlarge 96xlarge metal-48xl metal-96xl",
  m8idb:
    "large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge 32xlarge 48xlarge 96xlarge metal-48xl metal-96xl",
  m8idn:
    "large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge 32xlarge 48xlarge 96xlarge metal-48xl metal-96xl",
  m8in: "large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge 32xlarge 48xlarge 96xlarge metal-48xl metal-96xl",
  m8ine: "large xlarge 2xlarge 4xlarge 8xlarge 12xlarge",
  m9g: "large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge 48xlarge metal-24xl metal-48xl",
  m9gd: "large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge 48xlarge metal-24xl metal-48xl",
  "mac-m3ultra": "metal",
  "mac-m4": "metal",
  "mac-m4max": "metal",
  "mac-m4pro": "metal",
  mac1: "metal",
  mac2: "metal",
  "mac2-m1ultra": "metal",
  "mac2-m2": "metal",
  "mac2-m2pro": "metal",
  p2: "xlarge 8xlarge 16xlarge",
  p3: "2xlarge 8xlarge 16xlarge",
  p3dn: "24xlarge",
  p4d: "24xlarge",
  p4de: "24xlarge",
  p5: "4xlarge 48xlarge",
  p5e: "48xlarge",
  p5en: "48xlarge",
  "p6-b200": "48xlarge",
  "p6-b300": "48xlarge",
  "p6e-gb200": "36xlarge",
  r3: "large xlarge 2xlarge 4xlarge 8xlarge",
  r4: "large xlarge 2xlarge 4xlarge 8xlarge 16xlarge",
  r5: "large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge metal",
  r5a: "large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge",
  r5ad: "large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge",
  r5b: "large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge metal",
  r5d: "large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge metal",
  r5dn: "large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge metal",
  r5n: "large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge metal",
  r6a: "large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge 32xlarge 48xlarge metal",
  r6g: "medium large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge metal",
  r6gd: "medium large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge metal",
  r6i: "large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge 32xlarge metal",
  r6id: "large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge 32xlarge metal",
  r6idn: "large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge 32xlarge metal",
  r6in: "large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge 32xlarge metal",
  r7a: "medium large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge 32xlarge 48xlarge metal-48xl",
  r7g: "medium large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge metal",
  r7gd: "medium large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge metal",
  r7i: "large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge 48xlarge metal-24xl metal-48xl",
  r7iz: "large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 32xlarge metal-16xl metal-32xl",
  r8a: "medium large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge 48xlarge metal-24xl metal-48xl",
  r8g: "medium large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge 48xlarge metal-24xl metal-48xl",
  r8gb: "medium large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge metal-24xl",
  r8gd: "medium large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge 48xlarge metal-24xl metal-48xl",
  r8gn: "medium large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge 48xlarge metal-24xl metal-48xl",
  r8i: "large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge 32xlarge 48xlarge 96xlarge metal-48xl metal-96xl",
  "r8i-flex": "large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge",
  r8ib: "large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge 32xlarge 48xlarge 96xlarge metal-48xl metal-96xl",
  r8id: "large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge 32xlarge 48xlarge 96xlarge metal-48xl metal-96xl",
  r8idb:
    "large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge 32xlarge 48xlarge 96xlarge metal-48xl metal-96xl",
  r8idn:
    "large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge 32xlarge 48xlarge 96xlarge metal-48xl metal-96xl",
  r8in: "large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge 32xlarge 48xlarge 96xlarge metal-48xl metal-96xl",
  t1: "micro",
  t2: "nano micro small medium large xlarge 2xlarge",
  t3: "nano micro small medium large xlarge 2xlarge",
  t3a: "nano micro small medium large xlarge 2xlarge",
  t4g: "nano micro small medium large xlarge 2xlarge",
  trn1: "2xlarge 32xlarge",
  trn1n: "32xlarge",
  trn2: "3xlarge 48xlarge",
  "u-12tb1": "112xlarge metal",
  "u-18tb1": "112xlarge metal",
  "u-24tb1": "112xlarge metal",
  "u-3tb1": "56xlarge",
  "u-6tb1": "56xlarge 112xlarge metal",
  "u-9tb1": "112xlarge metal",
  "u7i-12tb": "224xlarge",
  "u7i-6tb": "112xlarge",
  "u7i-8tb": "112xlarge",
  "u7ib-12tb": "224xlarge",
  "u7in-16tb": "224xlarge",
  "u7in-24tb": "224xlarge",
  "u7in-32tb": "224xlarge",
  "u7inh-32tb": "480xlarge",
  vt1: "3xlarge 6xlarge 24xlarge",
  x1: "16xlarge 32xlarge",
  x1e: "xlarge 2xlarge 4xlarge 8xlarge 16xlarge 32xlarge",
  x2gd: "medium large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge metal",
  x2idn: "16xlarge 24xlarge 32xlarge metal",
  x2iedn: "xlarge 2xlarge 4xlarge 8xlarge 16xlarge 24xlarge 32xlarge metal",
  x2iezn: "2xlarge 4xlarge 6xlarge 8xlarge 12xlarge metal",
  x8aedz: "large xlarge 3xlarge 6xlarge 12xlarge 24xlarge metal-12xl metal-24xl",
  x8g: "medium large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge 48xlarge metal-24xl metal-48xl",
  x8i: "large xlarge 2xlarge 4xlarge 8xlarge 12xlarge 16xlarge 24xlarge 32xlarge 48xlarge 64xlarge 96xlarge metal-48xl metal-96xl",
  z1d: "large xlarge 2xlarge 3xlarge 6xlarge 12xlarge metal",
};

/** True when `instanceType` (`r7a.2xlarge`) is an EC2 instance type of the table. */
export function isEc2InstanceType(instanceType: string): boolean {
  const dot = instanceType.indexOf(".");
  if (dot < 0) return false;
  const sizes = EC2_INSTANCE_SIZES[instanceType.slice(0, dot)];
  return sizes !== undefined && sizes.split(" ").includes(instanceType.slice(dot + 1));
}

// ---------------------------------------------------------------------------------------------
// Elastic Load Balancing.

/**
 * The security policies of Application Load Balancers and the TLS versions each accepts. Source:
 * Elastic Load Balancing, User Guide for Application Load Balancers, "Security policies for your
 * Application Load Balancer" (docs.aws.amazon.com/elasticloadbalancing/latest/application/
 * describe-ssl-policies.html; read 2026-12-05), its table of protocols per policy. The post-quantum
 * (PQ) policies are the page's eleven names ending in `-PQ-2025-09` (the same eleven Datadog's rule
 * "Load Balancers should use the latest security policy", docs.datadoghq.com/security/default_rules/
 * vn4-vpi-u7q, lists); each accepts the protocols of the policy it is named after without `-PQ`
 * (TLS13-1-3: TLS 1.3 only; TLS13-1-2: TLS 1.2 and 1.3), adding the hybrid ML-KEM key exchange
 * ("Security policies with PQ in their names offer hybrid post-quantum key exchange", same page).
 * Not read into this table yet, so refused by the config: the page's RFC 9151 (CNSA 1.0) policies.
 */
export const ELB_SSL_POLICIES: Readonly<Record<string, readonly ("TLSv1" | "TLSv1.1" | "TLSv1.2" | "TLSv1.3")[]>> = {
  "ELBSecurityPolicy-TLS13-1-3-2021-06": ["TLSv1.3"],
  "ELBSecurityPolicy-TLS13-1-2-Res-2021-06": ["TLSv1.2", "TLSv1.3"],
  "ELBSecurityPolicy-TLS13-1-2-2021-06": ["TLSv1.2", "TLSv1.3"],
  "ELBSecurityPolicy-TLS13-1-2-Ext1-2021-06": ["TLSv1.2", "TLSv1.3"],
  "ELBSecurityPolicy-TLS13-1-2-Ext2-2021-06": ["TLSv1.2", "TLSv1.3"],
  "ELBSecurityPolicy-TLS13-1-1-2021-06": ["TLSv1.1", "TLSv1.2", "TLSv1.3"],
  "ELBSecurityPolicy-TLS13-1-0-2021-06": ["TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3"],
  "ELBSecurityPolicy-TLS13-1-3-FIPS-2023-04": ["TLSv1.3"],
  "ELBSecurityPolicy-TLS13-1-2-Res-FIPS-2023-04": ["TLSv1.2", "TLSv1.3"],
  "ELBSecurityPolicy-TLS13-1-2-FIPS-2023-04": ["TLSv1.2", "TLSv1.3"],
  "ELBSecurityPolicy-TLS13-1-2-Ext0-FIPS-2023-04": ["TLSv1.2", "TLSv1.3"],
  "ELBSecurityPolicy-TLS13-1-2-Ext1-FIPS-2023-04": ["TLSv1.2", "TLSv1.3"],
  "ELBSecurityPolicy-TLS13-1-2-Ext2-FIPS-2023-04": ["TLSv1.2", "TLSv1.3"],
  "ELBSecurityPolicy-TLS13-1-1-FIPS-2023-04": ["TLSv1.1", "TLSv1.2", "TLSv1.3"],
  "ELBSecurityPolicy-TLS13-1-0-FIPS-2023-04": ["TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3"],
  "ELBSecurityPolicy-TLS13-1-3-PQ-2025-09": ["TLSv1.3"],
  "ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09": ["TLSv1.2", "TLSv1.3"],
  "ELBSecurityPolicy-TLS13-1-2-PQ-2025-09": ["TLSv1.2", "TLSv1.3"],
  "ELBSecurityPolicy-TLS13-1-2-Ext1-PQ-2025-09": ["TLSv1.2", "TLSv1.3"],
  "ELBSecurityPolicy-TLS13-1-2-Ext2-PQ-2025-09": ["TLSv1.2", "TLSv1.3"],
  "ELBSecurityPolicy-TLS13-1-3-FIPS-PQ-2025-09": ["TLSv1.3"],
  "ELBSecurityPolicy-TLS13-1-2-Res-FIPS-PQ-2025-09": ["TLSv1.2", "TLSv1.3"],
  "ELBSecurityPolicy-TLS13-1-2-FIPS-PQ-2025-09": ["TLSv1.2", "TLSv1.3"],
  "ELBSecurityPolicy-TLS13-1-2-Ext0-FIPS-PQ-2025-09": ["TLSv1.2", "TLSv1.3"],
  "ELBSecurityPolicy-TLS13-1-2-Ext1-FIPS-PQ-2025-09": ["TLSv1.2", "TLSv1.3"],
  "ELBSecurityPolicy-TLS13-1-2-Ext2-FIPS-PQ-2025-09": ["TLSv1.2", "TLSv1.3"],
  "ELBSecurityPolicy-FS-1-2-Res-2020-10": ["TLSv1.2"],
  "ELBSecurityPolicy-FS-1-2-Res-2019-08": ["TLSv1.2"],
  "ELBSecurityPolicy-FS-1-2-2019-08": ["TLSv1.2"],
  "ELBSecurityPolicy-FS-1-1-2019-08": ["TLSv1.1", "TLSv1.2"],
  "ELBSecurityPolicy-FS-2018-06": ["TLSv1", "TLSv1.1", "TLSv1.2"],
  "ELBSecurityPolicy-TLS-1-2-Ext-2018-06": ["TLSv1.2"],
  "ELBSecurityPolicy-TLS-1-2-2017-01": ["TLSv1.2"],
  "ELBSecurityPolicy-TLS-1-1-2017-01": ["TLSv1.1", "TLSv1.2"],
  "ELBSecurityPolicy-2016-08": ["TLSv1", "TLSv1.1", "TLSv1.2"],
  "ELBSecurityPolicy-TLS-1-0-2015-04": ["TLSv1", "TLSv1.1", "TLSv1.2"],
  "ELBSecurityPolicy-2015-05": ["TLSv1", "TLSv1.1", "TLSv1.2"],
};

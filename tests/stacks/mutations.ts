/**
 * Misconfigurations of a stack's first preview, one at a time, each with the rule that must catch it
 * and its culprit. Shared by the first-preview matrix and the runtime test.
 */
import type { ExportedResource } from "../../plan/export";
import { UNKNOWN } from "../../plan/values";

export type Resources = ExportedResource[];

/** The resources with one changed (`change` returns its new version). */
function replace(resources: Resources, target: ExportedResource, change: (r: ExportedResource) => ExportedResource) {
  return resources.map((r) => (r.urn === target.urn ? change(r) : r));
}

/** A resource with inputs set (and, as a preview's outputs echo inputs, its outputs alike). */
function setInputs(r: ExportedResource, change: Record<string, unknown>): ExportedResource {
  const drop = (props: Record<string, unknown>) =>
    Object.fromEntries(Object.entries({ ...props, ...change }).filter(([, v]) => v !== undefined));
  return { ...r, inputs: drop(r.inputs), outputs: drop(r.outputs) };
}

export interface Mutation {
  readonly rule: string;
  readonly what: string;
  /** The broken stack and the culprit's URN; undefined when the stack has nothing to break this way. */
  readonly apply: (resources: Resources, stack: string) => { resources: Resources; culprit: string } | undefined;
}

/** A resource's logical name (the last part of its URN). */
function logicalName(r: ExportedResource): string {
  return r.urn.split("::").pop() ?? r.urn;
}

/** A mutation of one resource of `type` whose URN ends with `suffix` (any resource of the type with ""). */
function on(
  rule: string,
  what: string,
  type: string,
  suffix: string,
  change: (r: ExportedResource, all: Resources) => ExportedResource,
): Mutation {
  return {
    rule,
    what,
    apply: (resources) => {
      const target = resources.find((r) => r.type === type && r.urn.endsWith(suffix));
      if (target === undefined) return undefined;
      return { resources: replace(resources, target, (r) => change(r, resources)), culprit: target.urn };
    },
  };
}

export const MUTATIONS: Mutation[] = [
  on("ebs-volume-require-encryption", "an unencrypted volume", "aws:ebs/volume:Volume", "-redis-data", (r) =>
    setInputs(r, { encrypted: false }),
  ),
  on(
    "ebs-volume-require-encryption",
    "an unencrypted node disk",
    "aws:ec2/launchTemplate:LaunchTemplate",
    "-data",
    (r) =>
      setInputs(r, {
        blockDeviceMappings: (r.inputs.blockDeviceMappings as Record<string, unknown>[]).map((m) => ({
          ...m,
          ebs: { ...(m.ebs as object), encrypted: "false" },
        })),
      }),
  ),
  on(
    "rds-instance-require-cmk-encryption",
    "unencrypted database storage (its key not known yet)",
    "aws:rds/instance:Instance",
    "-db",
    (r) => setInputs(r, { storageEncrypted: false }),
  ),
  {
    rule: "s3-bucket-require-encryption",
    what: "the bucket's encryption configuration removed",
    apply: (resources) => {
      const bucket = resources.find((r) => r.type === "aws:s3/bucket:Bucket");
      if (bucket === undefined) return undefined;
      return {
        resources: resources.filter((r) => !r.type.startsWith("aws:s3/bucketServerSideEncryptionConfiguration")),
        culprit: bucket.urn,
      };
    },
  },
  on("kms-key-require-rotation", "a key that does not rotate", "aws:kms/key:Key", "-db", (r) =>
    setInputs(r, { enableKeyRotation: false }),
  ),
  on("eks-cluster-require-secrets-encryption", "secrets not encrypted", "eks:index:Cluster", "-eks", (r) =>
    setInputs(r, { encryptionConfigKeyArn: undefined }),
  ),
  on("elb-listener-require-tls-policy", "a weak TLS policy", "aws:lb/listener:Listener", "-https", (r) =>
    setInputs(r, { sslPolicy: "ELBSecurityPolicy-TLS-1-2-2017-01" }),
  ),
  on(
    "elb-listener-http-redirect-only",
    "plain HTTP forwarded to the target group (its ARN not known yet)",
    "aws:lb/listener:Listener",
    "-http",
    (r) => setInputs(r, { defaultActions: [{ type: "forward", targetGroupArn: UNKNOWN }] }),
  ),
  {
    rule: "elb-http-listener-rules-redirect-only",
    what: "a listener rule that forwards plain HTTP",
    apply: (resources) => {
      const http = resources.find((r) => r.type === "aws:lb/listener:Listener" && r.urn.endsWith("-http"));
      if (http === undefined) return undefined;
      const urn = http.urn.replace("aws:lb/listener:Listener", "aws:lb/listenerRule:ListenerRule") + "-around";
      const inputs = { listenerArn: UNKNOWN, priority: 1, actions: [{ type: "forward", targetGroupArn: UNKNOWN }] };
      const rule: ExportedResource = {
        urn,
        custom: true,
        type: "aws:lb/listenerRule:ListenerRule",
        inputs,
        outputs: { ...inputs, arn: UNKNOWN },
        parent: http.parent,
        dependencies: [http.urn],
        propertyDependencies: { listenerArn: [http.urn], priority: [], actions: [] },
      };
      return { resources: [...resources, rule], culprit: urn };
    },
  },
  {
    rule: "k8s-application-ingress-require-tls-policy",
    what: "a weak TLS policy for the application's Ingress (controller mode: the stack output applicationIngress)",
    apply: (resources) => {
      const stack = resources.find((r) => r.type === "pulumi:pulumi:Stack");
      const ingress = stack?.outputs.applicationIngress;
      if (stack === undefined || ingress === undefined) return undefined;
      const outputs = {
        ...stack.outputs,
        applicationIngress: { ...(ingress as object), awsSecurityPolicy: "ELBSecurityPolicy-2016-08" },
      };
      return { resources: replace(resources, stack, (r) => ({ ...r, outputs })), culprit: stack.urn };
    },
  },
  on(
    "k8s-ingress-class-params-require-tls-policy",
    "a weak TLS policy for the controller's load balancer (the class alb's params, in the controller's Helm values)",
    "kubernetes:helm.sh/v3:Release",
    "-aws-load-balancer-controller",
    (r) => {
      const values = r.inputs.values as Record<string, Record<string, unknown>>;
      const params = values.ingressClassParams;
      return setInputs(r, {
        values: {
          ...values,
          ingressClassParams: {
            ...params,
            spec: { ...(params.spec as object), sslPolicy: "ELBSecurityPolicy-2016-08" },
          },
        },
      });
    },
  ),
  {
    rule: "ebs-volumes-single-az",
    what: "a volume moved to another AZ",
    apply: (resources) => {
      const volume = resources.find((r) => r.type === "aws:ebs/volume:Volume" && r.urn.endsWith("-redis-data"));
      if (volume === undefined) return undefined;
      const zone = volume.inputs.availabilityZone as string;
      const other = zone.replace(/.$/, zone.endsWith("b") ? "a" : "b");
      return {
        resources: replace(resources, volume, (r) => setInputs(r, { availabilityZone: other })),
        culprit: volume.urn,
      };
    },
  },
  {
    rule: "ebs-volumes-single-az",
    what: "the data node group moved to the second private subnet",
    apply: (resources) => {
      const group = resources.find((r) => r.type === "aws:eks/nodeGroup:NodeGroup" && r.urn.endsWith("-data"));
      const second = resources.find((r) => r.type === "aws:ec2/subnet:Subnet" && r.urn.endsWith("-private-2"));
      if (group === undefined || second === undefined) return undefined; // an existing VPC: no subnet resources
      const moved = replace(resources, group, (r) => ({
        ...r,
        propertyDependencies: {
          ...r.propertyDependencies,
          subnetIds: (r.propertyDependencies.subnetIds ?? []).map((d) => (d.endsWith("-private-1") ? second.urn : d)),
        },
      }));
      return { resources: moved, culprit: group.urn };
    },
  },
  on("rds-instance-no-public-access", "a public database", "aws:rds/instance:Instance", "-db", (r) =>
    setInputs(r, { publiclyAccessible: true }),
  ),
  on(
    "ec2-security-group-no-internet-ingress",
    "PostgreSQL open to the internet",
    "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
    "-db-postgres",
    (r) => setInputs(r, { referencedSecurityGroupId: undefined, cidrIpv4: "0.0.0.0/0" }),
  ),
  on(
    "ec2-security-group-no-internet-ingress",
    "the nodes' backend port open to the internet on 443",
    "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
    "-nodes-from-lb",
    (r) => setInputs(r, { referencedSecurityGroupId: undefined, cidrIpv4: "0.0.0.0/0", fromPort: 443, toPort: 443 }),
  ),
  on(
    "eks-cluster-restrict-public-endpoint",
    "the API endpoint open to the internet",
    "eks:index:Cluster",
    "-eks",
    (r) => setInputs(r, { endpointPublicAccess: true, publicAccessCidrs: ["0.0.0.0/0"] }),
  ),
  on(
    "s3-bucket-block-public-access",
    "a public access block setting off",
    "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
    "-clickhouse-backups",
    (r) => setInputs(r, { restrictPublicBuckets: false }),
  ),
  on("s3-bucket-no-public-acl", "a public-read bucket ACL", "aws:s3/bucket:Bucket", "-clickhouse-backups", (r) =>
    setInputs(r, { acl: "public-read" }),
  ),
  on("ec2-nodes-require-imdsv2", "IMDSv1 allowed", "aws:ec2/launchTemplate:LaunchTemplate", "-app", (r) =>
    setInputs(r, { metadataOptions: { httpTokens: "optional" } }),
  ),
  on(
    "ec2-subnet-no-public-ip-on-launch",
    "a private subnet mapping public IPs",
    "aws:ec2/subnet:Subnet",
    "-private-1",
    (r) => setInputs(r, { mapPublicIpOnLaunch: true }),
  ),
  on("rds-instance-min-backup-retention", "7 days of backups", "aws:rds/instance:Instance", "-db", (r) =>
    setInputs(r, { backupRetentionPeriod: 7 }),
  ),
  on("rds-instance-require-deletion-protection", "deletion protection off", "aws:rds/instance:Instance", "-db", (r) =>
    setInputs(r, { deletionProtection: false }),
  ),
  on(
    "pulumi-stateful-resources-protected",
    "an unprotected volume",
    "aws:ebs/volume:Volume",
    "-clickhouse-data",
    (r) => ({
      ...r,
      protect: false,
    }),
  ),
  on(
    "iam-role-cross-account-trust-restricted",
    "the vendor role trusting another account, without MFA",
    "aws:iam/role:Role",
    "-vendor",
    (r) =>
      setInputs(r, {
        assumeRolePolicy: JSON.stringify({
          Version: "2012-10-17",
          Statement: [
            { Effect: "Allow", Principal: { AWS: "arn:aws:iam::111122223333:root" }, Action: "sts:AssumeRole" },
          ],
        }),
      }),
  ),
  on(
    "iam-policy-no-admin-wildcard",
    "a role policy allowing * on *",
    "aws:iam/rolePolicy:RolePolicy",
    "-cluster-autoscaler",
    (r) => setInputs(r, { policy: JSON.stringify({ Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] }) }),
  ),
  // The AWS API limits: values the provider passes and the API refuses at `pulumi up`.
  on(
    "ec2-security-group-valid-description",
    "an apostrophe in a security group's description",
    "aws:ec2/securityGroup:SecurityGroup",
    "-lb",
    (r) => setInputs(r, { description: "HTTPS load balancer, to the nodes' backend port only" }),
  ),
  on(
    "ec2-security-group-valid-name",
    "a security group named sg-...",
    "aws:ec2/securityGroup:SecurityGroup",
    "-db",
    (r) => setInputs(r, { name: `sg-${logicalName(r)}` }),
  ),
  on(
    "ec2-launch-template-valid-name",
    "a space in a launch template's name",
    "aws:ec2/launchTemplate:LaunchTemplate",
    "-app",
    (r) => setInputs(r, { name: `${logicalName(r)} nodes` }),
  ),
  on(
    "elb-load-balancer-valid-name",
    "a load balancer name starting with internal-",
    "aws:lb/loadBalancer:LoadBalancer",
    "",
    (r) => setInputs(r, { name: `internal-${r.inputs.name as string}` }),
  ),
  on(
    "elb-target-group-valid-name",
    "a target group name over 32 characters",
    "aws:lb/targetGroup:TargetGroup",
    "",
    (r) => setInputs(r, { name: `${r.inputs.name as string}-nginx-nodeport` }),
  ),
  on(
    "rds-instance-valid-identifier",
    "underscores in the DB instance identifier",
    "aws:rds/instance:Instance",
    "-db",
    (r) => setInputs(r, { identifier: (r.inputs.identifier as string).replace(/-/g, "_") }),
  ),
  on(
    "rds-parameter-group-valid-name",
    "a dot in a DB parameter group's name",
    "aws:rds/parameterGroup:ParameterGroup",
    "-db",
    (r) => setInputs(r, { name: "postgres16.ssl" }),
  ),
  on(
    "s3-bucket-valid-name",
    "a bucket name with uppercase letters",
    "aws:s3/bucket:Bucket",
    "-clickhouse-backups",
    (r) => setInputs(r, { bucket: "Acme-ClickHouse-Backups" }),
  ),
  on("kms-alias-valid-name", "a KMS alias under alias/aws/", "aws:kms/alias:Alias", "-db", (r) =>
    setInputs(r, { name: (r.inputs.name as string).replace(/^alias\//, "alias/aws/") }),
  ),
  on("iam-role-valid-name", "spaces in an IAM role's name", "aws:iam/role:Role", "-nodes", (r) =>
    setInputs(r, { name: logicalName(r).replace(/-/g, " ") }),
  ),
  on(
    "iam-policy-valid-name",
    "a slash in an inline policy's name",
    "aws:iam/rolePolicy:RolePolicy",
    "-cluster-autoscaler",
    (r) => setInputs(r, { name: "datafold/cluster-autoscaler" }),
  ),
  on("eks-node-group-valid-name", "a dot in a node group's name", "aws:eks/nodeGroup:NodeGroup", "-data", (r) =>
    setInputs(r, { nodeGroupName: "data.primary-az" }),
  ),
  on(
    "eks-node-group-valid-labels-taints",
    "a node-role.kubernetes.io label, which the kubelet refuses",
    "aws:eks/nodeGroup:NodeGroup",
    "-data",
    (r) => setInputs(r, { labels: { ...(r.inputs.labels as object), "node-role.kubernetes.io/data": "true" } }),
  ),
  on("aws-resource-valid-tags", "a tag key starting with aws:", "aws:ebs/volume:Volume", "-clickhouse-logs", (r) =>
    setInputs(r, { tags: { ...(r.inputs.tags as object), "aws:owner": "data-platform" } }),
  ),
];

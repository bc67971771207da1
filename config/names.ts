/**
 * The names the program derives from `deploymentName` (and node group names), built with the
 * components' own helpers and held to each API's rules (policy/lib/aws-limits.ts, with their
 * sources), so that a name that is a fine DNS label here but breaks a rule downstream is refused
 * before anything is declared. Random suffixes are stood in for by letters of their length.
 */
import { BACKUP_BUCKET_SUFFIX_LENGTH, backupBucketName } from "../components/storage/documents";
import { finalSnapshotIdentifier } from "../components/database/engine";
import { loadBalancerName, NAME_SUFFIX_LENGTH } from "../components/ingress/values";
import {
  autoName,
  eksClusterNameProblem,
  iamRoleNameProblem,
  kmsAliasProblem,
  loadBalancerNameProblem,
  nodeGroupNameProblem,
  rdsIdentifierProblem,
  s3BucketNameProblem,
  securityGroupNameProblem,
  targetGroupNameProblem,
} from "../policy/lib/aws-limits";

/** A derived name, what it names, the API that takes it and what that API accepts. */
export interface DerivedName {
  readonly what: string;
  readonly name: string;
  readonly api: string;
  readonly problem: (name: string) => string | undefined;
}

/**
 * Kubernetes namespaces every cluster has, and the prefix Kubernetes reserves: Kubernetes docs,
 * "Namespaces": "Kubernetes starts with four initial namespaces: default, kube-node-lease,
 * kube-public, kube-system" and "Avoid creating namespaces with the prefix kube-, since it is
 * reserved for Kubernetes system namespaces." The application's namespace is `deploymentName`: one
 * of these would put the application among the cluster's own objects (and `pulumi destroy` would
 * delete that namespace).
 */
export function namespaceProblem(namespace: string): string | undefined {
  return namespace === "default" || namespace.startsWith("kube-")
    ? "a namespace of the application's own: not default, and not starting with kube- (kube-system, kube-public, kube-node-lease and the prefix are Kubernetes')"
    : undefined;
}

/**
 * The names derived from the deployment name, for every resource of the stack whose name depends
 * on it. The load balancer and its target group only in alb mode: in controller mode this program
 * creates neither (the Load Balancer Controller creates and names the load balancer it builds for
 * the chart's Ingress).
 */
export function derivedNames(deploymentName: string, ingressMode: "alb" | "controller"): DerivedName[] {
  const name = deploymentName;
  const loadBalancer: DerivedName[] = [
    {
      what: "the load balancer",
      name: loadBalancerName(name, "x".repeat(NAME_SUFFIX_LENGTH)),
      api: "Elastic Load Balancing",
      problem: loadBalancerNameProblem,
    },
    {
      what: "the target group",
      name: loadBalancerName(name, "x".repeat(NAME_SUFFIX_LENGTH)),
      api: "Elastic Load Balancing",
      problem: targetGroupNameProblem,
    },
  ];
  return [
    { what: "the Kubernetes namespace", name, api: "Kubernetes", problem: namespaceProblem },
    { what: "the EKS cluster", name, api: "EKS", problem: eksClusterNameProblem },
    ...(ingressMode === "alb" ? loadBalancer : []),
    {
      what: "the ClickHouse backup bucket",
      name: backupBucketName(name, "x".repeat(BACKUP_BUCKET_SUFFIX_LENGTH)),
      api: "S3",
      problem: s3BucketNameProblem,
    },
    { what: "the database", name, api: "RDS", problem: (n) => rdsIdentifierProblem(n, 63) },
    {
      what: "the database's final snapshot",
      name: finalSnapshotIdentifier(name),
      api: "RDS",
      problem: (n) => rdsIdentifierProblem(n, 255),
    },
    {
      what: "the database's parameter group",
      name: autoName(`${name}-db`).toLowerCase(),
      api: "RDS",
      problem: (n) => rdsIdentifierProblem(n, 255),
    },
    {
      what: "the load balancer's security group",
      name: autoName(`${name}-lb`),
      api: "EC2",
      problem: securityGroupNameProblem,
    },
    { what: "the database's KMS alias", name: `alias/${name}-db`, api: "KMS", problem: kmsAliasProblem },
    {
      what: "the Load Balancer Controller's IAM role",
      name: autoName(`${name}-load-balancer-controller`),
      api: "IAM",
      problem: iamRoleNameProblem,
    },
  ];
}

/** The name EKS gives a node group of this program: Pulumi's auto-name of `<deploymentName>-<group>`. */
export function nodeGroupName(deploymentName: string, group: string): DerivedName {
  return {
    what: `node group ${group}`,
    name: autoName(`${deploymentName}-${group}`),
    api: "EKS",
    problem: nodeGroupNameProblem,
  };
}

/**
 * What is wrong with a set of derived names, as the rest of "expected ..." after the value: one
 * sentence per rule broken, naming every derived name that breaks it. Undefined when all are valid.
 */
export function derivedNamesProblem(names: readonly DerivedName[]): string | undefined {
  const broken = new Map<string, DerivedName[]>();
  for (const d of names) {
    const allowed = d.problem(d.name);
    if (allowed === undefined) continue;
    const rule = `${d.api} takes ${allowed}`;
    broken.set(rule, [...(broken.get(rule) ?? []), d]);
  }
  if (broken.size === 0) return undefined;
  const sentences = [...broken].map(([rule, ds]) => {
    const whats = ds.map((d) => d.what);
    const named = ds.map((d) => `"${d.name}"`);
    const list = (xs: string[]) => (xs.length === 1 ? xs[0] : `${xs.slice(0, -1).join(", ")} and ${xs[xs.length - 1]}`);
    return `${list(whats)} would be named ${list(named)}, and ${rule}`;
  });
  return `a name from which every derived name is valid: ${sentences.join("; ")}`;
}

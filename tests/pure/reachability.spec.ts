import { expect } from "chai";

import {
  clusterAutoscalerValues,
  loadBalancerControllerValues,
  metricsServerValues,
} from "../../components/platform/charts";
import { platformReleases } from "../../stack/platform-releases";
import {
  clusterApiReachability,
  existingClusterRemedy,
  type ExistingCluster,
  REMEDY,
  type Reachability,
  type ReachabilityInput,
} from "../../stack/reachability";

const ENDPOINT = "https://0123456789ABCDEF0123456789ABCDEF.gr7.us-east-1.eks.amazonaws.com";
const BASE: ReachabilityInput = {
  platformEnabled: true,
  dryRun: false,
  newVpc: true,
  endpointPublicAccess: true,
  publicAccessCidrs: ["203.0.113.0/24"],
};
const cluster = (over: Partial<ExistingCluster>): ExistingCluster => ({
  name: "acme-datafold",
  region: "us-east-1",
  endpoint: ENDPOINT,
  endpointPublicAccess: true,
  publicAccessCidrs: ["203.0.113.0/24"],
  probe: { reachable: true },
  ...over,
});
const NONE: Reachability = { problems: [], warnings: [] };
const TIMED_OUT = { reachable: false as const, reason: "no connection within 10 s" };
const EXISTING_REMEDY =
  "Run pulumi from a machine that reaches the cluster API: a self-hosted runner inside the cluster's VPC or a network connected to it, " +
  "or a machine behind the VPN whose egress the endpoint admits. Or let this machine in first, from a machine or the EKS console allowed to change the cluster: " +
  "aws eks update-cluster-config --name acme-datafold --region us-east-1 --resources-vpc-config endpointPublicAccess=true,publicAccessCidrs=<every CIDR to admit, comma-separated>,endpointPrivateAccess=true " +
  '(EKS User Guide, "Control network access to cluster API server endpoint"; the list replaces the current one), wait until the update is done, ' +
  "write the same CIDRs into datafold-aws:cluster.publicAccessCidrs (with endpointPublicAccess: true), and run again. " +
  "Adding this machine to datafold-aws:cluster.publicAccessCidrs alone does not get this run through: this check, and the Kubernetes provider, use the endpoint as it is now. ";
const DO_NOT_SWITCH =
  "Do not set datafold-aws:platform.enabled: false to get past this: that run uninstalls the controllers' Helm releases, through the same cluster API.";
const SWITCH =
  "datafold-aws:platform.enabled: false, but the last deployment had it true: this run uninstalls the controllers' Helm releases, which goes through the cluster API, " +
  `and this machine cannot reach it at ${ENDPOINT} (no connection within 10 s). ` +
  "Its public endpoint admits only 203.0.113.0/24: this machine's address is not among them, or the network in between does not let the connection through. " +
  "Make this change from a machine that reaches the cluster API (the one model A ran from); later runs of model B go anywhere.";

describe("clusterApiReachability", () => {
  const table: [string, Partial<ReachabilityInput>, Reachability][] = [
    [
      "nothing to check when nothing is declared inside the cluster, nor was by the last deployment",
      {
        platformEnabled: false,
        lastPlatformEnabled: false,
        endpointPublicAccess: false,
        cluster: cluster({ probe: TIMED_OUT }),
      },
      NONE,
    ],
    [
      "nothing to check when the platform goes off and the last deployment did not record it",
      { platformEnabled: false, cluster: cluster({ probe: TIMED_OUT }) },
      NONE,
    ],
    [
      "nothing to say when the platform goes off (model A to B) from a machine that reaches the cluster",
      { platformEnabled: false, lastPlatformEnabled: true, cluster: cluster({}) },
      NONE,
    ],
    [
      "refuses to turn the platform off (model A to B) from a machine that cannot reach the cluster: the run deletes the releases through it",
      { platformEnabled: false, lastPlatformEnabled: true, cluster: cluster({ probe: TIMED_OUT }) },
      { problems: [SWITCH], warnings: [] },
    ],
    [
      "only warns about that in a preview, which deletes nothing",
      { platformEnabled: false, lastPlatformEnabled: true, dryRun: true, cluster: cluster({ probe: TIMED_OUT }) },
      {
        problems: [],
        warnings: [
          `${SWITCH} A pulumi up of it from this machine would stop at those deletes; it refuses before anything is declared.`,
        ],
      },
    ],
    ["nothing to say when the existing cluster's endpoint answers", { cluster: cluster({}) }, NONE],
    [
      "refuses when the existing cluster's public endpoint does not answer this machine",
      { cluster: cluster({ probe: TIMED_OUT, publicAccessCidrs: ["198.51.100.0/24", "203.0.113.0/24"] }) },
      {
        problems: [
          `datafold-aws:platform.enabled: true, but this machine cannot reach the cluster API at ${ENDPOINT} (no connection within 10 s). ` +
            "Its public endpoint admits only 198.51.100.0/24, 203.0.113.0/24: this machine's address is not among them, or the network in between does not let the connection through. " +
            `The Kubernetes provider would fail on every in-cluster resource, in preview and in update alike. ${EXISTING_REMEDY}${DO_NOT_SWITCH}`,
        ],
        warnings: [],
      },
    ],
    [
      "refuses when the existing cluster's endpoint is private only and does not answer",
      { newVpc: false, cluster: cluster({ probe: TIMED_OUT, endpointPublicAccess: false, publicAccessCidrs: [] }) },
      {
        problems: [
          `datafold-aws:platform.enabled: true, but this machine cannot reach the cluster API at ${ENDPOINT} (no connection within 10 s). ` +
            "Its endpoint is private only: it answers only inside the cluster's VPC and networks connected to it (peering, transit gateway, VPN). " +
            `The Kubernetes provider would fail on every in-cluster resource, in preview and in update alike. ${EXISTING_REMEDY}${DO_NOT_SWITCH}`,
        ],
        warnings: [],
      },
    ],
    [
      "offers to keep the platform off for an unreachable cluster whose last deployment had it off (model B)",
      { lastPlatformEnabled: false, cluster: cluster({ probe: TIMED_OUT }) },
      {
        problems: [
          `datafold-aws:platform.enabled: true, but this machine cannot reach the cluster API at ${ENDPOINT} (no connection within 10 s). ` +
            "Its public endpoint admits only 203.0.113.0/24: this machine's address is not among them, or the network in between does not let the connection through. " +
            "The Kubernetes provider would fail on every in-cluster resource, in preview and in update alike. " +
            `${EXISTING_REMEDY}Or keep datafold-aws:platform.enabled: false, as the last deployment had it (README, "The second stage").`,
        ],
        warnings: [],
      },
    ],
    [
      "refuses a first deployment whose private-only endpoint lives in a VPC the same run creates",
      { endpointPublicAccess: false, publicAccessCidrs: [] },
      {
        problems: [
          "datafold-aws:platform.enabled: true with datafold-aws:cluster.endpointPublicAccess: false in a VPC this stack creates: " +
            "the first pulumi up creates the cluster and must then reach its private endpoint, which answers only inside that new VPC " +
            "and networks connected to it; none can be yet, so no machine can install the in-cluster controllers in that run. " +
            "Set datafold-aws:platform.enabled: false (the second stage installs them from inside the network once the VPC is connected), " +
            "or set datafold-aws:cluster.endpointPublicAccess: true with datafold-aws:cluster.publicAccessCidrs that hold this machine's address.",
        ],
        warnings: [],
      },
    ],
    [
      "warns on a first deployment with a public endpoint: this machine's address cannot be judged yet",
      {},
      {
        problems: [],
        warnings: [
          "The cluster does not exist yet, so whether this machine can reach its API cannot be known before it is created. " +
            "The first pulumi up installs the in-cluster controllers right after creating it, which needs this machine's address " +
            "inside datafold-aws:cluster.publicAccessCidrs (203.0.113.0/24), or this machine inside the VPC. " +
            "If it does not, @pulumi/eks first polls the endpoint for about six minutes and the Helm releases then fail, after the AWS layer is created. " +
            REMEDY,
        ],
      },
    ],
    [
      "warns on a first deployment into an existing VPC with a private-only endpoint",
      { newVpc: false, endpointPublicAccess: false, publicAccessCidrs: [] },
      {
        problems: [],
        warnings: [
          "The cluster does not exist yet, so whether this machine can reach its API cannot be known before it is created. " +
            "The first pulumi up installs the in-cluster controllers right after creating it, which needs this machine inside the " +
            "existing VPC or a network connected to it (the endpoint is private only). " +
            "If it does not, the Helm releases fail after the AWS layer is created. " +
            REMEDY,
        ],
      },
    ],
  ];
  for (const [what, over, expected] of table) {
    it(what, () => expect(clusterApiReachability({ ...BASE, ...over })).to.deep.equal(expected));
  }

  it("names the key to set and the second stage in the remedy before the cluster exists", () => {
    expect(REMEDY).to.contain("datafold-aws:platform.enabled: false");
    expect(REMEDY).to.contain('README, "The second stage"');
  });

  it("never offers platform.enabled: false as the way out for an existing cluster the platform is on", () => {
    const remedy = existingClusterRemedy({ name: "acme-datafold", region: "us-east-1" }, true);
    expect(remedy).to.equal(EXISTING_REMEDY + DO_NOT_SWITCH);
    expect(existingClusterRemedy({ name: "acme-datafold", region: "us-east-1" })).to.equal(remedy);
  });
});

describe("platformReleases", () => {
  const LBC_ROLE = "arn:aws:iam::123456789012:role/lbc";
  const AUTOSCALER_ROLE = "arn:aws:iam::123456789012:role/autoscaler";
  const CLASS_PARAMS = { scheme: "internet-facing", sslPolicy: "ELBSecurityPolicy-TLS13-1-2-Res-2021-06" };
  const releases = platformReleases({
    clusterName: "acme",
    region: "eu-west-1",
    vpcId: "vpc-0123456789abcdef0",
    kubernetesVersion: "1.34",
    loadBalancerControllerRoleArn: LBC_ROLE,
    clusterAutoscalerRoleArn: AUTOSCALER_ROLE,
    albClassParams: CLASS_PARAMS,
  });

  it("gives each controller's chart, repository, pinned version and namespace, by release name", () => {
    const spec = Object.fromEntries(
      Object.entries(releases).map(([name, r]) => [name, [r.chart, r.repo, r.version, r.namespace]]),
    );
    expect(spec).to.deep.equal({
      "aws-load-balancer-controller": [
        "aws-load-balancer-controller",
        "https://aws.github.io/eks-charts",
        "1.14.0",
        "kube-system",
      ],
      "metrics-server": [
        "metrics-server",
        "https://kubernetes-sigs.github.io/metrics-server/",
        "3.13.1",
        "kube-system",
      ],
      "cluster-autoscaler": ["cluster-autoscaler", "https://kubernetes.github.io/autoscaler", "9.59.0", "kube-system"],
    });
  });

  it("takes the values from the Platform component's own functions, with the IRSA roles and the cluster's version", () => {
    expect(releases["aws-load-balancer-controller"].values).to.deep.equal(
      loadBalancerControllerValues("acme", "eu-west-1", "vpc-0123456789abcdef0", LBC_ROLE, CLASS_PARAMS),
    );
    expect(releases["metrics-server"].values).to.deep.equal(metricsServerValues());
    expect(releases["cluster-autoscaler"].values).to.deep.equal(
      clusterAutoscalerValues("acme", "eu-west-1", AUTOSCALER_ROLE, "1.34"),
    );
    const role = (v: Record<string, unknown>, path: string[]) =>
      path.reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], v);
    expect(
      role(releases["aws-load-balancer-controller"].values, [
        "serviceAccount",
        "annotations",
        "eks.amazonaws.com/role-arn",
      ]),
    ).to.equal(LBC_ROLE);
    expect(
      role(releases["cluster-autoscaler"].values, [
        "rbac",
        "serviceAccount",
        "annotations",
        "eks.amazonaws.com/role-arn",
      ]),
    ).to.equal(AUTOSCALER_ROLE);
    // The class alb the application's Ingress uses is made as strict as alb mode's load balancer.
    expect(releases["aws-load-balancer-controller"].values.ingressClassParams).to.deep.equal({
      create: true,
      spec: CLASS_PARAMS,
    });
  });
});

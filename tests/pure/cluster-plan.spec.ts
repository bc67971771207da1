import { createHash } from "crypto";

import { expect } from "chai";

import { principalSlug } from "../../components/cluster/access";
import {
  amiType,
  autoscalerTags,
  dataNodeGroup,
  eksTaintEffect,
  isArmInstanceType,
  subnetsForPlacement,
} from "../../components/cluster/nodegroups";
import { CHARTS, clusterAutoscalerValues, loadBalancerControllerValues } from "../../components/platform/charts";
import { CLUSTER_DEFAULTS, type NodeGroupSettings } from "../../components/cluster/args";

describe("node group planning", () => {
  const arch: [string, boolean][] = [
    ["r7a.2xlarge", false],
    ["r7g.2xlarge", true],
    ["m7gd.large", true],
    ["c6gn.xlarge", true],
    ["t4g.medium", true],
    ["x2gd.large", true],
    ["g5g.xlarge", true],
    ["g4dn.xlarge", false],
    ["m7i-flex.large", false],
    ["inf2.xlarge", false],
    ["r8g.4xlarge", true],
  ];
  for (const [type, arm] of arch) {
    it(`reads ${type} as ${arm ? "ARM (Graviton)" : "x86"}`, () => expect(isArmInstanceType(type)).to.equal(arm));
  }

  it("picks the AL2023 AMI of the group's architecture", () => {
    expect(amiType(["r7g.2xlarge", "r6g.2xlarge"])).to.equal("AL2023_ARM_64_STANDARD");
    expect(amiType(["r7a.2xlarge"])).to.equal("AL2023_x86_64_STANDARD");
  });

  it("spells taint effects as the EKS API does", () => {
    expect([
      eksTaintEffect("NoSchedule"),
      eksTaintEffect("PreferNoSchedule"),
      eksTaintEffect("NoExecute"),
    ]).to.deep.equal(["NO_SCHEDULE", "PREFER_NO_SCHEDULE", "NO_EXECUTE"]);
  });

  it("puts a primary group in the first private subnet only, an all group in every one", () => {
    expect(subnetsForPlacement("primary", ["a", "b", "c"])).to.deep.equal(["a"]);
    expect(subnetsForPlacement("all", ["a", "b", "c"])).to.deep.equal(["a", "b", "c"]);
  });

  it("tags groups for the autoscaler's auto-discovery", () => {
    expect(autoscalerTags("acme")).to.deep.equal({
      "k8s.io/cluster-autoscaler/enabled": "true",
      "k8s.io/cluster-autoscaler/acme": "owned",
    });
  });

  describe("dataNodeGroup", () => {
    const group = (name: string, placement: "all" | "primary", taintKey?: string): NodeGroupSettings => ({
      ...CLUSTER_DEFAULTS.nodeGroups[0],
      name,
      placement,
      taints: taintKey ? [{ key: taintKey, value: "reserved", effect: "NoSchedule" }] : [],
    });
    it("is the group tainted for ClickHouse", () => {
      expect(dataNodeGroup([group("a", "primary"), group("b", "primary", "clickhouse")])?.name).to.equal("b");
    });
    it("else the first group in the primary AZ", () => {
      expect(dataNodeGroup([group("a", "all"), group("b", "primary")])?.name).to.equal("b");
    });
    it("else none", () => {
      expect(dataNodeGroup([group("a", "all")])).to.equal(undefined);
    });
    it("is the default data group in the default config", () => {
      expect(dataNodeGroup(CLUSTER_DEFAULTS.nodeGroups)?.name).to.equal("data");
    });
  });

  const slugs: [string, string][] = [
    ["arn:aws:iam::123456789012:role/Admin", "admin"],
    ["arn:aws:iam::123456789012:role/path/to/Platform_Admins", "platform-admins"],
    ["arn:aws:iam::123456789012:user/jane.doe", "jane-doe"],
  ];
  for (const [arn, readable] of slugs) {
    it(`names the access entry of ${arn} ${readable}-<6 hex of the ARN's hash>`, () => {
      expect(principalSlug(arn)).to.equal(`${readable}-${createHash("sha256").update(arn).digest("hex").slice(0, 6)}`);
    });
  }
  it("keeps two ARNs that end in the same name apart", () => {
    expect(principalSlug("arn:aws:iam::111111111111:role/Admin")).to.not.equal(
      principalSlug("arn:aws:iam::222222222222:role/Admin"),
    );
  });
});

describe("platform charts", () => {
  it("pins every chart to an exact version", () => {
    for (const spec of Object.values(CHARTS)) expect(spec.version, spec.chart).to.match(/^\d+\.\d+\.\d+$/);
  });

  it("gives the load balancer controller its IRSA service account and keeps it off plain Services", () => {
    expect(loadBalancerControllerValues("acme", "us-east-1", "vpc-1", "arn:role")).to.deep.equal({
      clusterName: "acme",
      region: "us-east-1",
      vpcId: "vpc-1",
      replicaCount: 2,
      serviceAccount: {
        create: true,
        name: "aws-load-balancer-controller",
        annotations: { "eks.amazonaws.com/role-arn": "arn:role" },
      },
      enableServiceMutatorWebhook: false,
      ingressClass: "alb",
      createIngressClassResource: true,
    });
  });

  it("creates the class alb, which the vendor's chart's Ingress names, with the IngressClassParams given", () => {
    const spec = { scheme: "internal", sslPolicy: "ELBSecurityPolicy-TLS13-1-2-Res-2021-06" };
    const values = loadBalancerControllerValues("acme", "us-east-1", "vpc-1", "arn:role", spec);
    expect([values.ingressClass, values.createIngressClassResource, values.ingressClassParams]).to.deep.equal([
      "alb",
      true,
      { create: true, spec },
    ]);
  });

  it("runs the autoscaler image of the cluster's minor version, discovering this cluster's groups", () => {
    expect(clusterAutoscalerValues("acme", "us-east-1", "arn:role", "1.34")).to.deep.equal({
      autoDiscovery: { clusterName: "acme" },
      awsRegion: "us-east-1",
      image: { tag: "v1.34.0" },
      rbac: {
        serviceAccount: {
          create: true,
          name: "cluster-autoscaler",
          annotations: { "eks.amazonaws.com/role-arn": "arn:role" },
        },
      },
      extraArgs: {
        "balance-similar-node-groups": true,
        "skip-nodes-with-local-storage": false,
        expander: "least-waste",
      },
    });
  });
});

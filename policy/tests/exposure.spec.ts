import { expect } from "chai";

import { ec2NodesRequireImdsv2 } from "../rules/ec2/ec2-nodes-require-imdsv2";
import { ec2SecurityGroupNoInternetIngress } from "../rules/ec2/ec2-security-group-no-internet-ingress";
import { ec2SubnetNoPublicIpOnLaunch } from "../rules/ec2/ec2-subnet-no-public-ip-on-launch";
import { eksClusterRestrictPublicEndpoint } from "../rules/eks/eks-cluster-restrict-public-endpoint";
import { rdsInstanceNoPublicAccess } from "../rules/rds/rds-instance-no-public-access";
import { s3BucketBlockPublicAccess } from "../rules/s3/s3-bucket-block-public-access";
import { messages, res, undecidedReasons, UNKNOWN, withInputs } from "./helpers";

describe("rds-instance-no-public-access", () => {
  const db = res("aws:rds/instance:Instance", "db", { publiclyAccessible: false });
  it("passes a private database", async () =>
    expect(await messages(rdsInstanceNoPublicAccess, [db])).to.deep.equal([]));
  it("fails a public one", async () => {
    expect(await messages(rdsInstanceNoPublicAccess, [withInputs(db, { publiclyAccessible: true })])).to.deep.equal([
      "database db must not be publicly accessible (publiclyAccessible: false); it is true.",
    ]);
  });
});

describe("ec2-security-group-no-internet-ingress", () => {
  const lbSg = res("aws:ec2/securityGroup:SecurityGroup", "lb", { vpcId: "vpc-1" });
  const lb = res(
    "aws:lb/loadBalancer:LoadBalancer",
    "alb",
    { securityGroups: [UNKNOWN] },
    { propertyDependencies: { securityGroups: [lbSg.urn] } },
  );
  const rule = (name: string, group: typeof lbSg, port: number, cidr = "0.0.0.0/0") =>
    res(
      "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
      name,
      { securityGroupId: UNKNOWN, cidrIpv4: cidr, ipProtocol: "tcp", fromPort: port, toPort: port },
      { propertyDependencies: { securityGroupId: [group.urn] } },
    );
  it("passes the load balancer's 443 and 80 open to the internet", async () => {
    expect(
      await messages(ec2SecurityGroupNoInternetIngress, [lbSg, lb, rule("https", lbSg, 443), rule("http", lbSg, 80)]),
    ).to.deep.equal([]);
  });
  it("passes a group tagged as a load balancer's (controller mode)", async () => {
    const tagged = res("aws:ec2/securityGroup:SecurityGroup", "lb", { tags: { "datafold:role": "load-balancer" } });
    expect(await messages(ec2SecurityGroupNoInternetIngress, [tagged, rule("https", tagged, 443)])).to.deep.equal([]);
  });
  it("fails 443 open on a group no load balancer uses", async () => {
    const nodes = res("aws:ec2/securityGroup:SecurityGroup", "nodes", {});
    expect(await messages(ec2SecurityGroupNoInternetIngress, [nodes, rule("https", nodes, 443)])).to.deep.equal([
      "https admits 0.0.0.0/0 on port 443; its group is not a load balancer's.",
    ]);
  });
  it("fails any other port open to the internet, even on the load balancer, for IPv4 and IPv6", async () => {
    expect(
      await messages(ec2SecurityGroupNoInternetIngress, [
        lbSg,
        lb,
        rule("ssh", lbSg, 22),
        rule("v6", lbSg, 8080, "::/0"),
      ]),
    ).to.deep.equal([
      "ssh admits 0.0.0.0/0 on port 22; only a load balancer may be open to the internet, on 443 and 80.",
      "v6 admits ::/0 on port 8080; only a load balancer may be open to the internet, on 443 and 80.",
    ]);
  });
  it("finds open rules in aws:ec2/securityGroupRule and inline ingress too", async () => {
    const legacy = res("aws:ec2/securityGroupRule:SecurityGroupRule", "legacy", {
      type: "ingress",
      securityGroupId: "sg-1",
      cidrBlocks: ["0.0.0.0/0"],
      fromPort: 0,
      toPort: 65535,
      protocol: "-1",
    });
    const inline = res("aws:ec2/securityGroup:SecurityGroup", "inline", {
      ingress: [{ cidrBlocks: ["0.0.0.0/0"], fromPort: 5432, toPort: 5432, protocol: "tcp" }],
    });
    expect(await messages(ec2SecurityGroupNoInternetIngress, [legacy, inline])).to.deep.equal([
      "legacy admits 0.0.0.0/0 on ports 0-65535; only a load balancer may be open to the internet, on 443 and 80.",
      "inline admits 0.0.0.0/0 on port 5432; only a load balancer may be open to the internet, on 443 and 80.",
    ]);
  });
  it("passes narrower CIDRs anywhere", async () => {
    const nodes = res("aws:ec2/securityGroup:SecurityGroup", "nodes", {});
    expect(
      await messages(ec2SecurityGroupNoInternetIngress, [nodes, rule("vpn", nodes, 22, "10.0.0.0/8")]),
    ).to.deep.equal([]);
  });
  it("counts the internet split in halves (0.0.0.0/1) as the internet", async () => {
    const nodes = res("aws:ec2/securityGroup:SecurityGroup", "nodes", {});
    expect(
      await messages(ec2SecurityGroupNoInternetIngress, [
        nodes,
        rule("half", nodes, 22, "0.0.0.0/1"),
        rule("other-half", nodes, 22, "128.0.0.0/1"),
      ]),
    ).to.have.length(2);
  });
  it("counts 0.0.0.0/00 and ::/00 as the internet, and passes over text that is not a CIDR", async () => {
    const nodes = res("aws:ec2/securityGroup:SecurityGroup", "nodes", {});
    const legacy = res("aws:ec2/securityGroupRule:SecurityGroupRule", "legacy", {
      type: "ingress",
      securityGroupId: UNKNOWN,
      cidrBlocks: ["0.0.0.0/00", "not-a-cidr", "0.0.0.0/33"],
      ipv6CidrBlocks: ["::/00", "gggg::/0"],
      fromPort: 22,
      toPort: 22,
      protocol: "tcp",
    });
    expect(await messages(ec2SecurityGroupNoInternetIngress, [nodes, legacy])).to.deep.equal([
      "legacy admits 0.0.0.0/00 on port 22; only a load balancer may be open to the internet, on 443 and 80.",
      "legacy admits ::/00 on port 22; only a load balancer may be open to the internet, on 443 and 80.",
    ]);
  });
  it("checks the VPC's default security group too", async () => {
    const adopted = res("aws:ec2/defaultSecurityGroup:DefaultSecurityGroup", "default", {
      ingress: [{ cidrBlocks: ["0.0.0.0/0"], fromPort: 0, toPort: 0, protocol: "-1" }],
    });
    expect(await messages(ec2SecurityGroupNoInternetIngress, [adopted])).to.deep.equal([
      "default admits 0.0.0.0/0 on port 0; only a load balancer may be open to the internet, on 443 and 80.",
    ]);
  });
  it("still finds a web port open on a group no load balancer depends on while the balancers' ids are not known", async () => {
    const nodes = res("aws:ec2/securityGroup:SecurityGroup", "nodes", {});
    expect(
      await messages(ec2SecurityGroupNoInternetIngress, [
        lbSg,
        nodes,
        lb,
        rule("https", lbSg, 443),
        rule("https-nodes", nodes, 443),
      ]),
    ).to.deep.equal(["https-nodes admits 0.0.0.0/0 on port 443; its group is not a load balancer's."]);
  });
  it("cannot tell whose a web port is when a load balancer's groups are neither known nor linked; no violation", async () => {
    const nodes = res("aws:ec2/securityGroup:SecurityGroup", "nodes", {});
    const pending = res("aws:lb/loadBalancer:LoadBalancer", "alb", { securityGroups: [UNKNOWN] });
    const stack = [nodes, pending, rule("https", nodes, 443)];
    expect(await messages(ec2SecurityGroupNoInternetIngress, stack)).to.deep.equal([]);
    expect(await undecidedReasons(ec2SecurityGroupNoInternetIngress, stack)).to.deep.equal([
      ["(stack)", "not decided: https (the security group it opens is not known until the deployment)"],
    ]);
  });

  describe("on a plain export (another program's stack: no property dependencies, no tags, ids in the outputs)", () => {
    const plainSg = res(
      "aws:ec2/securityGroup:SecurityGroup",
      "web",
      { ingress: [{ cidrBlocks: ["0.0.0.0/0"], fromPort: 443, toPort: 443, protocol: "tcp" }] },
      {
        id: "sg-0a1",
        outputs: {
          id: "sg-0a1",
          ingress: [
            { cidrBlocks: ["0.0.0.0/0"], fromPort: 443, toPort: 443, protocol: "tcp" },
            { cidrBlocks: ["0.0.0.0/0"], fromPort: 80, toPort: 80, protocol: "tcp" },
          ],
        },
      },
    );
    const plainLb = res("aws:lb/loadBalancer:LoadBalancer", "alb", { securityGroups: ["sg-0a1"] });
    const plainRule = res("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "http", {
      securityGroupId: "sg-0a1",
      cidrIpv4: "0.0.0.0/0",
      ipProtocol: "tcp",
      fromPort: 80,
      toPort: 80,
    });
    it("recognises the load balancer's group by its id: its 443 and 80 pass, inline or as rules", async () => {
      expect(await messages(ec2SecurityGroupNoInternetIngress, [plainSg, plainLb, plainRule])).to.deep.equal([]);
    });
    it("still fails the same group's 22, and 443 on a group the load balancer does not list", async () => {
      const other = res(
        "aws:ec2/securityGroup:SecurityGroup",
        "other",
        {},
        { outputs: { id: "sg-0b2", ingress: [{ cidrBlocks: ["0.0.0.0/0"], fromPort: 443, toPort: 443 }] } },
      );
      const ssh = res("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "ssh", {
        securityGroupId: "sg-0a1",
        cidrIpv4: "0.0.0.0/0",
        fromPort: 22,
        toPort: 22,
      });
      expect(await messages(ec2SecurityGroupNoInternetIngress, [plainSg, plainLb, other, ssh])).to.deep.equal([
        "other admits 0.0.0.0/0 on port 443; its group is not a load balancer's.",
        "ssh admits 0.0.0.0/0 on port 22; only a load balancer may be open to the internet, on 443 and 80.",
      ]);
    });
  });
});

describe("eks-cluster-restrict-public-endpoint", () => {
  const cluster = res(
    "eks:index:Cluster",
    "eks",
    { endpointPublicAccess: true, publicAccessCidrs: ["203.0.113.0/24"] },
    { custom: false },
  );
  it("passes a public endpoint restricted to a CIDR, and a private endpoint", async () => {
    expect(
      await messages(eksClusterRestrictPublicEndpoint, [
        cluster,
        withInputs(cluster, { endpointPublicAccess: false, publicAccessCidrs: undefined }),
      ]),
    ).to.deep.equal([]);
  });
  it("fails a public endpoint open to the internet, and one with no CIDRs (EKS opens it to 0.0.0.0/0)", async () => {
    expect(
      await messages(eksClusterRestrictPublicEndpoint, [withInputs(cluster, { publicAccessCidrs: ["0.0.0.0/0"] })]),
    ).to.deep.equal([
      "EKS cluster eks has a public endpoint open to 0.0.0.0/0; restrict publicAccessCidrs or turn endpointPublicAccess off.",
    ]);
    const awsCluster = res("aws:eks/cluster:Cluster", "raw", { vpcConfig: { subnetIds: ["subnet-1"] } });
    expect(await messages(eksClusterRestrictPublicEndpoint, [awsCluster])).to.deep.equal([
      "EKS cluster raw has a public endpoint open to 0.0.0.0/0 (no publicAccessCidrs: the EKS default); restrict publicAccessCidrs or turn endpointPublicAccess off.",
    ]);
  });
  it("fails CIDRs outside the configured allowed ones", async () => {
    const config = { "eks-cluster-restrict-public-endpoint": { allowedPublicCidrs: ["198.51.100.0/24"] } };
    expect(await messages(eksClusterRestrictPublicEndpoint, [cluster], config)).to.deep.equal([
      "EKS cluster eks's public endpoint admits 203.0.113.0/24, outside the allowed CIDRs.",
    ]);
  });
  it("passes CIDRs inside the allowed ones; counts text that is not a CIDR as outside, and ignores it in the config", async () => {
    const config = {
      "eks-cluster-restrict-public-endpoint": { allowedPublicCidrs: ["not-a-cidr", "203.0.0.0/16"] },
    };
    expect(await messages(eksClusterRestrictPublicEndpoint, [cluster], config)).to.deep.equal([]);
    expect(
      await messages(
        eksClusterRestrictPublicEndpoint,
        [withInputs(cluster, { publicAccessCidrs: ["203.0.113.0/24", "203.0.113.0/33", "2001:db8::/32"] })],
        config,
      ),
    ).to.deep.equal([
      "EKS cluster eks's public endpoint admits 203.0.113.0/33, 2001:db8::/32, outside the allowed CIDRs.",
    ]);
  });
  it("counts 0.0.0.0/00 as 0.0.0.0/0", async () => {
    expect(
      await messages(eksClusterRestrictPublicEndpoint, [withInputs(cluster, { publicAccessCidrs: ["0.0.0.0/00"] })]),
    ).to.deep.equal([
      "EKS cluster eks has a public endpoint open to 0.0.0.0/00; restrict publicAccessCidrs or turn endpointPublicAccess off.",
    ]);
  });
  it("counts 0.0.0.0/1 as the internet", async () => {
    expect(
      await messages(eksClusterRestrictPublicEndpoint, [
        withInputs(cluster, { publicAccessCidrs: ["0.0.0.0/1", "128.0.0.0/1"] }),
      ]),
    ).to.have.length(1);
  });
});

describe("s3-bucket-block-public-access", () => {
  const bucket = res("aws:s3/bucket:Bucket", "backups", { bucket: "acme-backups" });
  const block = res("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "backups", {
    bucket: "acme-backups",
    blockPublicAcls: true,
    blockPublicPolicy: true,
    ignorePublicAcls: true,
    restrictPublicBuckets: true,
  });
  it("passes a bucket with all four settings on", async () =>
    expect(await messages(s3BucketBlockPublicAccess, [bucket, block])).to.deep.equal([]));
  it("fails a block with a setting off", async () => {
    expect(
      await messages(s3BucketBlockPublicAccess, [bucket, withInputs(block, { restrictPublicBuckets: false })]),
    ).to.deep.equal([
      "bucket backups's public access block must set blockPublicAcls, blockPublicPolicy, ignorePublicAcls, restrictPublicBuckets to true; restrictPublicBuckets is not.",
    ]);
  });
  it("fails a bucket with no block", async () =>
    expect(await messages(s3BucketBlockPublicAccess, [bucket])).to.have.length(1));
});

describe("ec2-nodes-require-imdsv2", () => {
  const template = res("aws:ec2/launchTemplate:LaunchTemplate", "app", {
    metadataOptions: { httpTokens: "required", httpPutResponseHopLimit: 2 },
  });
  const group = res("aws:eks/nodeGroup:NodeGroup", "app", { launchTemplate: { id: "lt-1", version: "1" } });
  it("passes a launch template requiring tokens and a node group using a template", async () =>
    expect(await messages(ec2NodesRequireImdsv2, [template, group])).to.deep.equal([]));
  it("fails a template that allows IMDSv1", async () => {
    expect(
      await messages(ec2NodesRequireImdsv2, [withInputs(template, { metadataOptions: { httpTokens: "optional" } })]),
    ).to.deep.equal(['app must require IMDSv2 (metadataOptions.httpTokens: required); it has "optional".']);
  });
  it("fails a node group with no launch template, and an instance without metadata options", async () => {
    expect(
      await messages(ec2NodesRequireImdsv2, [
        withInputs(group, { launchTemplate: undefined }),
        res("aws:ec2/instance:Instance", "vm", {}),
      ]),
    ).to.deep.equal([
      "node group app must use a launch template that requires IMDSv2; it has none.",
      'vm must require IMDSv2 (metadataOptions.httpTokens: required); it has "unset (IMDSv1 allowed)".',
    ]);
  });
});

describe("ec2-subnet-no-public-ip-on-launch", () => {
  const subnet = res("aws:ec2/subnet:Subnet", "s", { vpcId: "vpc-1", mapPublicIpOnLaunch: false });
  it("passes a subnet that assigns no public IPs, or leaves it at AWS's default", async () => {
    expect(
      await messages(ec2SubnetNoPublicIpOnLaunch, [subnet, withInputs(subnet, { mapPublicIpOnLaunch: undefined })]),
    ).to.deep.equal([]);
  });
  it("fails a subnet that assigns public IPs", async () => {
    expect(
      await messages(ec2SubnetNoPublicIpOnLaunch, [withInputs(subnet, { mapPublicIpOnLaunch: true })]),
    ).to.deep.equal(["subnet s must have mapPublicIpOnLaunch false; it is true"]);
  });
  it("fails a default subnet left to map public IPs, a launch template and an instance with public addresses", async () => {
    expect(
      await messages(ec2SubnetNoPublicIpOnLaunch, [
        res("aws:ec2/defaultSubnet:DefaultSubnet", "d", { availabilityZone: "us-east-1a" }),
        res("aws:ec2/launchTemplate:LaunchTemplate", "lt", {
          networkInterfaces: [{ associatePublicIpAddress: "true" }],
        }),
        res("aws:ec2/instance:Instance", "vm", { associatePublicIpAddress: true }),
      ]),
    ).to.deep.equal([
      "default subnet d must set mapPublicIpOnLaunch false; it maps public IPs by default",
      "launch template lt must not associate public IP addresses (networkInterfaces[].associatePublicIpAddress); it does",
      "instance vm must not have a public IP address (associatePublicIpAddress); it has one",
    ]);
  });
});

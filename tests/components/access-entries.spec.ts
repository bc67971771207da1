/**
 * Who may use the cluster's Kubernetes API, and with which EKS access policy: the roles that run
 * previews (AmazonEKSAdminViewPolicy, which reads Secrets, where Helm keeps its release state) and
 * the vendor's role (AmazonEKSClusterAdminPolicy). Exact policy ARN and scope for each.
 */
import type * as pulumi from "@pulumi/pulumi";
import { expect } from "chai";

import { Access } from "../../components/access/access";
import { vendorClusterAccess } from "../../components/access/documents";
import { principalSlug } from "../../components/cluster/access";
import { Cluster } from "../../components/cluster/cluster";
import { find, inputs, runComponents, shape } from "../helpers";

const TAGS = { "datafold:deployment": "acme" };

describe("EKS access entries", () => {
  describe("the vendor's role (Access with a cluster)", () => {
    const plan = (clusterName?: pulumi.Input<string>) =>
      runComponents(() => {
        const a = new Access("acme", { tags: TAGS, ...(clusterName !== undefined ? { clusterName } : {}) });
        return { roleArn: a.roleArn };
      });

    it("gives the role a cluster-admin access entry, cluster-wide, after the entry exists", async () => {
      const run = await plan("acme");
      expect(shape(run)).to.deep.equal([
        "aws:eks/accessEntry:AccessEntry acme-vendor",
        "aws:eks/accessPolicyAssociation:AccessPolicyAssociation acme-vendor",
        "aws:iam/policy:Policy acme-vendor-minimal",
        "aws:iam/role:Role acme-vendor",
        "aws:iam/rolePolicyAttachment:RolePolicyAttachment acme-vendor-minimal",
      ]);
      const role = find(run, "aws:iam/role:Role", "acme-vendor");
      const roleArn = (role.outputs as { arn: string }).arn;
      const entry = find(run, "aws:eks/accessEntry:AccessEntry", "acme-vendor");
      expect(inputs(entry)).to.deep.equal({
        clusterName: "acme",
        principalArn: roleArn,
        type: "STANDARD",
        tags: { ...TAGS, Name: "acme-vendor" },
      });
      expect(entry.propertyDependencies.principalArn).to.deep.equal([role.urn]);
      const assoc = find(run, "aws:eks/accessPolicyAssociation:AccessPolicyAssociation", "acme-vendor");
      expect(inputs(assoc)).to.deep.equal({
        clusterName: "acme",
        principalArn: roleArn,
        policyArn: "arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy",
        accessScope: { type: "cluster" },
      });
      expect(assoc.dependencies).to.include(entry.urn);
    });

    it("declares no access entry without a cluster", async () => {
      const run = await plan();
      expect(shape(run).filter((s) => s.startsWith("aws:eks/"))).to.deep.equal([]);
    });

    it("names the policy in the partition of the account", () => {
      expect(vendorClusterAccess("aws-cn")).to.deep.equal({
        policyArn: "arn:aws-cn:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy",
        accessScope: { type: "cluster" },
      });
    });
  });

  describe("the roles that run previews (Cluster viewerRoleArns)", () => {
    it("gives each a read access entry with AmazonEKSAdminViewPolicy, cluster-wide", async () => {
      const viewer = "arn:aws:iam::123456789012:role/github-preview";
      const NAME = `acme-viewer-${principalSlug(viewer)}`;
      const run = await runComponents(() => {
        const c = new Cluster("acme", {
          clusterName: "acme",
          region: "us-east-1",
          applicationNamespace: "acme",
          vpcId: "vpc-0123456789abcdef0",
          privateSubnetIds: ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"],
          backupBucketArn: "arn:aws:s3:::acme-backups",
          publicAccessCidrs: ["203.0.113.0/24"],
          viewerRoleArns: [viewer],
          tags: TAGS,
        });
        return { name: c.clusterName };
      });
      expect(shape(run).filter((s) => s.startsWith("aws:eks/access"))).to.deep.equal([
        `aws:eks/accessEntry:AccessEntry ${NAME}`,
        `aws:eks/accessPolicyAssociation:AccessPolicyAssociation ${NAME}`,
      ]);
      const entry = find(run, "aws:eks/accessEntry:AccessEntry", NAME);
      expect(inputs(entry)).to.deep.equal({
        clusterName: "acme",
        principalArn: viewer,
        type: "STANDARD",
        tags: { ...TAGS, Name: NAME },
      });
      const assoc = find(run, "aws:eks/accessPolicyAssociation:AccessPolicyAssociation", NAME);
      expect(inputs(assoc)).to.deep.equal({
        clusterName: "acme",
        principalArn: viewer,
        policyArn: "arn:aws:eks::aws:cluster-access-policy/AmazonEKSAdminViewPolicy",
        accessScope: { type: "cluster" },
      });
      expect(assoc.dependencies).to.include(entry.urn);
    });
  });
});

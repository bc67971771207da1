import { expect } from "chai";

import { validateConfig } from "../../config/validator";
import type { RecordedResource } from "../../plan/monitor";
import {
  brief,
  compactJson,
  isMadeUp,
  keyInputs,
  kindOf,
  renderMode,
  renderOutputs,
  renderSummary,
} from "../../plan/render";
import { SECRET_SIG, SIG_KEY } from "../../plan/values";

const ARN = "arn:aws:iam::123456789012:role/acme-datafold-load-balancer-controller-f1ad9b5";

function resource(type: string, name: string, custom = true): RecordedResource {
  return {
    urn: `urn:pulumi:s::p::${type}::${name}`,
    type,
    name,
    custom,
    parent: undefined,
    dependencies: [],
    propertyDependencies: {},
    protect: false,
    retainOnDelete: false,
    ignoreChanges: [],
    replaceOnChanges: [],
    deleteBeforeReplace: false,
    aliases: [],
    provider: undefined,
    inputs: {},
    id: undefined,
    outputs: {},
  };
}

describe("plan rendering", () => {
  describe("compactJson", () => {
    it("keeps a value that fits whole", () => {
      expect(compactJson({ a: [1, 2], b: "x" }, 72)).to.equal('{"a":[1,2],"b":"x"}');
    });

    it("leaves out whole trailing elements and says how many", () => {
      expect(
        compactJson(["subnet-0123456789abcdef0", "subnet-0123456789abcdef1", "subnet-0123456789abcdef2"], 60),
      ).to.equal('["subnet-0123456789abcdef0","subnet-0123456789abcdef1",…+1]');
    });

    it("never cuts a string: an ARN longer than the width is shown whole", () => {
      expect(compactJson([ARN, ARN], 40)).to.equal(`["${ARN}",…+1]`);
    });

    it("folds a structure that does not fit to its size, keeping its key", () => {
      const policy = {
        Version: "2012-10-17",
        Statement: [
          { Effect: "Allow", Action: ["ec2:DescribeInstances", "ec2:DescribeSubnets"], Resource: "*" },
          { Effect: "Allow", Action: "iam:PassRole", Resource: ARN },
        ],
      };
      expect(compactJson(policy, 44)).to.equal('{"Version":"2012-10-17","Statement":[…+2]}');
      expect(compactJson(policy, 40)).to.equal('{"Version":"2012-10-17",…+1}');
      expect(compactJson(policy, 90)).to.equal(
        '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":[…+2],…+1},{…+3}]}',
      );
    });
  });

  describe("brief", () => {
    it("shows a plain string whole, a JSON document compactly, everything whole with full", () => {
      const long = `${"description ".repeat(20)}end`;
      expect(brief(long, 72)).to.equal(long);
      const doc = JSON.stringify({ Version: "2012-10-17", Statement: [{ Sid: "A", Effect: "Allow", Resource: ARN }] });
      expect(brief(doc, 50)).to.equal('{"Version":"2012-10-17","Statement":[{…+3}]}');
      expect(brief(doc, 50, true)).to.equal(doc);
      expect(brief({ [SIG_KEY]: SECRET_SIG, value: "pw" }, 72)).to.equal("[secret]");
    });
  });

  describe("isMadeUp", () => {
    const madeUp = new Set(["vpc-8267056c28bdf9b34", "f1ad9b5-long", "abcde"]);
    const table: [string, unknown, boolean][] = [
      ["a made-up id itself", "vpc-8267056c28bdf9b34", true],
      ["a list holding one", ["subnet-x", "vpc-8267056c28bdf9b34"], true],
      ["a string holding a long made-up one", `${ARN}-long`, true],
      ["a string holding a short made-up one only whole", "xxabcdexx", false],
      ["a short made-up one whole", "abcde", true],
      ["a config value", "10.0.0.0/16", false],
    ];
    for (const [what, value, expected] of table) {
      it(`${expected ? "marks" : "does not mark"} ${what}`, () => expect(isMadeUp(value, madeUp)).to.equal(expected));
    }
  });

  it("marks made-up inputs and outputs with *, and keeps secrets hidden", () => {
    const madeUp = new Set(["vpc-8267056c28bdf9b34"]);
    expect(
      keyInputs({ vpcId: "vpc-8267056c28bdf9b34", cidrBlock: "10.0.0.0/16", tags: { a: "b" } }, { madeUp }),
    ).to.equal("vpcId=vpc-8267056c28bdf9b34* cidrBlock=10.0.0.0/16");
    expect(
      renderOutputs({ vpcId: "vpc-8267056c28bdf9b34", password: { [SIG_KEY]: SECRET_SIG, value: "pw" } }, { madeUp }),
    ).to.equal('  password: [secret]\n  vpcId: "vpc-8267056c28bdf9b34"*');
  });

  describe("kindOf", () => {
    const table: [string, boolean, string][] = [
      ["aws:ec2/vpc:Vpc", true, "cloud"],
      ["kubernetes:helm.sh/v3:Release", true, "cluster"],
      ["pulumi:providers:kubernetes", true, "helper"],
      ["pulumi:pulumi:StackReference", true, "helper"],
      ["random:index/randomString:RandomString", true, "helper"],
      ["eks:index:Cluster", false, "component"],
      ["datafold:aws:Network", false, "component"],
      ["pulumi:pulumi:Stack", false, "component"],
    ];
    for (const [type, custom, kind] of table) {
      it(`counts ${type} as ${kind}`, () => expect(kindOf({ type, custom })).to.equal(kind));
    }
  });

  it("counts the resources by kind, cloud resources apart from components and helpers", () => {
    expect(
      renderSummary([
        resource("pulumi:pulumi:Stack", "s", false),
        resource("eks:index:Cluster", "c", false),
        resource("aws:ec2/vpc:Vpc", "v"),
        resource("aws:ec2/subnet:Subnet", "a"),
        resource("aws:ec2/subnet:Subnet", "b"),
        resource("kubernetes:helm.sh/v3:Release", "r"),
        resource("pulumi:providers:kubernetes", "k"),
        resource("random:index/randomString:RandomString", "x"),
      ]).split("\n"),
    ).to.deep.equal([
      "8 resources planned:",
      "    3 in the AWS account",
      "          2  aws:ec2/subnet:Subnet",
      "          1  aws:ec2/vpc:Vpc",
      "    1 inside the cluster, through the Kubernetes provider (they need the cluster API)",
      "          1  kubernetes:helm.sh/v3:Release",
      "    2 components: groupings, no resource of their own",
      "          1  eks:index:Cluster  (remote: also creates the EKS cluster, its IAM service role and policy attachments, a Kubernetes provider, not seen offline)",
      "          1  pulumi:pulumi:Stack",
      "    2 helpers: providers, random values, stack references (nothing in the account)",
      "          1  pulumi:providers:kubernetes",
      "          1  random:index/randomString:RandomString",
    ]);
  });

  it("states the mode of a controller-mode stack in an existing VPC with the vendor's role", () => {
    const settings = validateConfig({
      region: "eu-west-1",
      values: {
        deploymentName: "acme",
        domain: "datafold.acme.example",
        network: {
          vpcId: "vpc-0a1b2c3d4e5f60718",
          privateSubnetIds: ["subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002"],
          publicSubnetIds: ["subnet-0a1b2c3d4e5f60101", "subnet-0a1b2c3d4e5f60102"],
        },
        cluster: { endpointPublicAccess: false },
        ingress: { mode: "controller" },
        access: { enabled: true, allowIamChanges: true },
      },
    });
    expect(
      renderMode(settings, [resource("kubernetes:core/v1:Namespace", "acme-namespace")]).split("\n"),
    ).to.deep.equal([
      "Mode:",
      "  ingress       controller: the AWS Load Balancer Controller creates the load balancer from the application's Ingress, internet-facing",
      "  network       the existing VPC vpc-0a1b2c3d4e5f60718 (its subnets looked up)",
      "  cluster API   private endpoint only: reachable from the VPC and networks connected to it",
      "  platform      enabled: 1 resources go through the Kubernetes provider, so preview and up must run where the cluster API answers",
      "  vendor access the vendor's role, minimal permissions plus the temporary IAM changes, a cluster-admin access entry",
      "",
      "Needs the cluster API (these fail where the cluster API cannot be reached):",
      "  kubernetes:core/v1:Namespace  acme-namespace",
    ]);
  });
});

import { expect } from "chai";

import { ec2SubnetNoPublicIpOnLaunch } from "../rules/ec2/ec2-subnet-no-public-ip-on-launch";
import { violations } from "./helpers";

describe("ec2-subnet-no-public-ip-on-launch", () => {
  const baseline = { vpcId: "vpc-1", cidrBlock: "10.0.0.0/24", mapPublicIpOnLaunch: false };

  it("passes a subnet that assigns no public IPs", async () => {
    expect(await violations(ec2SubnetNoPublicIpOnLaunch, "aws:ec2/subnet:Subnet", "s", baseline)).to.deep.equal([]);
  });

  it("passes a subnet that leaves the setting out (AWS's default is false)", async () => {
    expect(
      await violations(ec2SubnetNoPublicIpOnLaunch, "aws:ec2/subnet:Subnet", "s", { vpcId: "vpc-1" }),
    ).to.deep.equal([]);
  });

  it("fails a subnet that assigns public IPs, naming it", async () => {
    expect(
      await violations(ec2SubnetNoPublicIpOnLaunch, "aws:ec2/subnet:Subnet", "s", {
        ...baseline,
        mapPublicIpOnLaunch: true,
      }),
    ).to.deep.equal(["subnet s must have mapPublicIpOnLaunch false; it is true"]);
  });

  it("ignores other resource types", async () => {
    expect(
      await violations(ec2SubnetNoPublicIpOnLaunch, "aws:ec2/vpc:Vpc", "v", { mapPublicIpOnLaunch: true }),
    ).to.deep.equal([]);
  });
});

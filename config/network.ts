/** The contract's `network` section: the Network component's settings. */
import { type NetworkSettings, NETWORK_DEFAULTS } from "../components/network/args";
import { REGIONS } from "./aws-data";
import { type Check, type Raw } from "./check";
import { cidrContains, cidrsOverlap, parseIpv4Cidr } from "./cidr";
import { AZ_ID, LOG_RETENTION_DAYS, SUBNET_ID, VPC_ID } from "./formats";

export function readNetwork(c: Check, s: Raw, region: string): NetworkSettings {
  const d = NETWORK_DEFAULTS;
  const p = "network";
  const vpcId = c.string(
    s,
    p,
    "vpcId",
    d.vpcId,
    "empty, or a VPC id such as vpc-0123456789abcdef0",
    (x) => x === "" || VPC_ID.test(x),
  );
  const privateSubnetIds = c.stringList(
    s,
    p,
    "privateSubnetIds",
    d.privateSubnetIds,
    "subnet ids such as subnet-0123456789abcdef0",
    (x) => SUBNET_ID.test(x),
  );
  const publicSubnetIds = c.stringList(
    s,
    p,
    "publicSubnetIds",
    d.publicSubnetIds,
    "subnet ids such as subnet-0123456789abcdef0",
    (x) => SUBNET_ID.test(x),
  );
  const vpcCidr = c.cidr(s, p, "vpcCidr", d.vpcCidr, 16, 28);
  const privateSubnetCidrs = c.cidrList(s, p, "privateSubnetCidrs", d.privateSubnetCidrs, 16, 28);
  const publicSubnetCidrs = c.cidrList(s, p, "publicSubnetCidrs", d.publicSubnetCidrs, 16, 28);
  const beforeZones = c.problems.length;
  const availabilityZoneIds = c.stringList(
    s,
    p,
    "availabilityZoneIds",
    d.availabilityZoneIds,
    "AZ ids such as use1-az1 (not names such as us-east-1a)",
    (x) => AZ_ID.test(x),
  );
  // AZ ids carry their region's prefix (use1-az4 is in us-east-1): config/aws-data.ts.
  const azIdPrefix = REGIONS[region]?.azIdPrefix;
  if (azIdPrefix !== undefined) {
    availabilityZoneIds.forEach((id, i) => {
      if (!id.startsWith(`${azIdPrefix}-az`))
        c.fail(
          `${p}.availabilityZoneIds[${i}]`,
          id,
          `an AZ id of aws:region ${region}, such as ${azIdPrefix}-az1 (this one is another region's)`,
        );
    });
  }
  const zonesValid = c.problems.length === beforeZones;
  const natGateway = c.oneOf(s, p, "natGateway", d.natGateway, ["single", "perAz", "none"] as const);
  const flowLogs = c.bool(s, p, "flowLogs", d.flowLogs);
  const flowLogsRetentionDays = c.oneOf(s, p, "flowLogsRetentionDays", d.flowLogsRetentionDays, LOG_RETENTION_DAYS);

  if (vpcId !== "") {
    if (privateSubnetIds.length < 2)
      c.fail(
        `${p}.privateSubnetIds`,
        privateSubnetIds,
        "with network.vpcId, at least two private subnet ids in different AZs (the database and the load balancer need two AZs)",
      );
    c.unique(
      `${p}.privateSubnetIds`,
      [...privateSubnetIds, ...publicSubnetIds],
      "each subnet id once, and no subnet both private and public",
    );
    if (publicSubnetIds.length === 1)
      c.fail(`${p}.publicSubnetIds`, publicSubnetIds, "none, or at least two public subnet ids in different AZs");
    for (const key of [
      "vpcCidr",
      "privateSubnetCidrs",
      "publicSubnetCidrs",
      "availabilityZoneIds",
      "natGateway",
      "flowLogs",
      "flowLogsRetentionDays",
    ]) {
      if (key in s)
        c.fail(
          `${p}.${key}`,
          s[key],
          "no value: it is not used with network.vpcId (an existing VPC is not changed); remove it, or clear vpcId to create a VPC",
        );
    }
  } else {
    // Each named under the key the file holds.
    for (const [key, ids] of [
      ["privateSubnetIds", privateSubnetIds],
      ["publicSubnetIds", publicSubnetIds],
    ] as const) {
      if (ids.length > 0)
        c.fail(
          `${p}.${key}`,
          ids,
          "subnet ids only with network.vpcId; without it this program creates the subnets from the CIDRs",
        );
    }
    if (!flowLogs && "flowLogsRetentionDays" in s)
      c.fail(
        `${p}.flowLogsRetentionDays`,
        s.flowLogsRetentionDays,
        "no value while network.flowLogs is false (no flow log group is created); set flowLogs: true, or remove it",
      );
    if (privateSubnetCidrs.length < 2)
      c.fail(
        `${p}.privateSubnetCidrs`,
        privateSubnetCidrs,
        "at least two CIDRs, one per AZ (the database and the load balancer need two AZs)",
      );
    if (publicSubnetCidrs.length > 0 && publicSubnetCidrs.length !== privateSubnetCidrs.length) {
      c.fail(
        `${p}.publicSubnetCidrs`,
        publicSubnetCidrs,
        `one CIDR per AZ: as many as network.privateSubnetCidrs (${privateSubnetCidrs.length})`,
      );
    }
    // A new VPC has no other way out: without NAT the nodes cannot pull images (ECR, public
    // registries) nor reach EC2 and STS, and node groups fail to join. A VPC with its own egress
    // (firewall, proxy, endpoints) is the existing-VPC mode.
    if (natGateway === "none") {
      c.fail(
        `${p}.natGateway`,
        natGateway,
        "single or perAz for a new VPC (nodes need egress to pull images and reach AWS APIs); to use your own egress controls, deploy into an existing VPC with network.vpcId",
      );
    }
    if (publicSubnetCidrs.length === 0) {
      c.fail(
        `${p}.publicSubnetCidrs`,
        publicSubnetCidrs,
        "one CIDR per AZ: the NAT gateways (and an internet-facing load balancer) live in public subnets",
      );
    }
    if (zonesValid && availabilityZoneIds.length > 0 && availabilityZoneIds.length !== privateSubnetCidrs.length) {
      c.fail(
        `${p}.availabilityZoneIds`,
        availabilityZoneIds,
        `empty, or one AZ id per subnet: ${privateSubnetCidrs.length}`,
      );
    }
    c.unique(`${p}.availabilityZoneIds`, availabilityZoneIds, "each AZ id once");
    const vpc = parseIpv4Cidr(vpcCidr);
    const all = [
      ...privateSubnetCidrs.map((x) => ["privateSubnetCidrs", x]),
      ...publicSubnetCidrs.map((x) => ["publicSubnetCidrs", x]),
    ];
    all.forEach(([key, text], i) => {
      const sub = parseIpv4Cidr(text);
      if (!sub || !vpc) return;
      if (!cidrContains(vpc, sub)) c.fail(`${p}.${key}`, text, `a range inside network.vpcCidr ${vpcCidr}`);
      for (const [otherKey, otherText] of all.slice(i + 1)) {
        const other = parseIpv4Cidr(otherText);
        if (other && cidrsOverlap(sub, other))
          c.fail(`${p}.${key}`, text, `ranges that do not overlap: it overlaps ${otherText} in network.${otherKey}`);
      }
    });
  }
  return {
    vpcId,
    privateSubnetIds,
    publicSubnetIds,
    vpcCidr,
    privateSubnetCidrs,
    publicSubnetCidrs,
    availabilityZoneIds,
    natGateway,
    flowLogs,
    flowLogsRetentionDays,
  };
}

/**
 * The answers to the lookups (invokes) the program makes, read from the World, in the shape the
 * provider returns them. Any other lookup is an error naming it, so that a new lookup cannot slip
 * through untested; a lookup for something the world does not hold fails or answers nothing, as
 * AWS does.
 */
import { stringLeaves } from "./values";
import { REGION_DESCRIPTIONS, type World, type WorldNetworkInterface, type WorldZone } from "./world";

type Inputs = Record<string, unknown>;

interface Filter {
  readonly name: string;
  readonly values: readonly string[];
}

/**
 * An EC2 filter value as a pattern: `*` matches zero or more characters, `?` exactly one, and a
 * backslash escapes the next character (EC2 API reference, DescribeNetworkInterfaces, "You can use
 * wildcards in a filter value").
 */
function filterPattern(value: string): RegExp {
  let source = "";
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === "\\" && i + 1 < value.length) source += value[++i].replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    else if (c === "*") source += "[\\s\\S]*";
    else if (c === "?") source += "[\\s\\S]";
    else source += c.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${source}$`);
}

/** The field of a network interface each filter this world knows reads. */
const INTERFACE_FILTERS: Readonly<Record<string, (eni: WorldNetworkInterface) => string>> = {
  description: (eni) => eni.description,
  "network-interface-id": (eni) => eni.id,
  "private-ip-address": (eni) => eni.privateIp,
  "availability-zone": (eni) => eni.availabilityZone,
};

/**
 * The interfaces that match every filter (a filter matches when any of its values does), as
 * DescribeNetworkInterfaces selects them: with no match the answer is simply empty.
 */
export function matchInterfaces(
  interfaces: readonly WorldNetworkInterface[],
  filters: readonly Filter[],
): WorldNetworkInterface[] {
  for (const f of filters) {
    if (!INTERFACE_FILTERS[f.name])
      throw new Error(`unmocked network interface filter ${f.name}: add it to INTERFACE_FILTERS in plan/lookups.ts`);
  }
  return interfaces.filter((eni) =>
    filters.every((f) => f.values.some((v) => filterPattern(v).test(INTERFACE_FILTERS[f.name](eni)))),
  );
}

/** Items that match every filter (a filter matches when any of its values does, with EC2's wildcards). */
function matchAll<T>(
  items: readonly T[],
  filters: readonly Filter[],
  fields: Readonly<Record<string, (item: T) => string>>,
  where: string,
): T[] {
  for (const f of filters) {
    if (!fields[f.name]) throw new Error(`unmocked ${where} filter ${f.name}: add it to plan/lookups.ts`);
  }
  return items.filter((item) =>
    filters.every((f) => f.values.some((v) => filterPattern(v).test(fields[f.name](item)))),
  );
}

/**
 * The zone fields DescribeAvailabilityZones filters on (EC2 API reference,
 * DescribeAvailabilityZones, "Filters"), with the world's defaults for a region's own zones.
 */
function zoneFields(w: World): Readonly<Record<string, (z: WorldZone) => string>> {
  return {
    "zone-name": (z) => z.name,
    "zone-id": (z) => z.id,
    state: (z) => z.state ?? "available",
    "opt-in-status": (z) => z.optInStatus ?? "opt-in-not-required",
    "zone-type": (z) => z.zoneType ?? "availability-zone",
    "region-name": () => w.region,
    "group-name": () => w.region,
  };
}

/**
 * aws.getAvailabilityZones as the provider answers it: the zones that match the filters and the
 * `state` argument (a `state` filter), less `excludeNames` and `excludeZoneIds`; with
 * `allAvailabilityZones` false, only zones that need no opt-in or were opted in.
 */
function availabilityZones(w: World, inputs: Inputs): Inputs {
  const filters = [
    ...((inputs.filters as Filter[] | undefined) ?? []),
    ...(typeof inputs.state === "string" ? [{ name: "state", values: [inputs.state] }] : []),
  ];
  const excludeNames = (inputs.excludeNames as string[] | undefined) ?? [];
  const excludeIds = (inputs.excludeZoneIds as string[] | undefined) ?? [];
  const enabled =
    inputs.allAvailabilityZones === true
      ? w.zones
      : w.zones.filter((z) => (z.optInStatus ?? "opt-in-not-required") !== "not-opted-in");
  const zones = matchAll(enabled, filters, zoneFields(w), "availability zone").filter(
    (z) => !excludeNames.includes(z.name) && !excludeIds.includes(z.id),
  );
  return {
    id: w.region,
    names: zones.map((z) => z.name),
    zoneIds: zones.map((z) => z.id),
    groupNames: zones.map(() => w.region),
    region: w.region,
    ...(inputs.filters !== undefined ? { filters: inputs.filters } : {}),
    ...(inputs.state !== undefined ? { state: inputs.state } : {}),
  };
}

/**
 * aws.ec2.getInstanceTypeOfferings as the provider answers it: one entry per (instance type,
 * location) offered, in three parallel lists. Locations are AZ ids, AZ names or the region, by
 * `locationType` (default `region`); the filters `instance-type` and `location` select among them
 * (EC2 API reference, DescribeInstanceTypeOfferings).
 */
function instanceTypeOfferings(w: World, inputs: Inputs): Inputs {
  const locationType = (inputs.locationType as string | undefined) ?? "region";
  const locationOf: Readonly<Record<string, (zoneId: string) => string>> = {
    "availability-zone-id": (id) => id,
    "availability-zone": (id) => w.zones.find((z) => z.id === id)?.name ?? id,
    region: () => w.region,
  };
  const locate = locationOf[locationType];
  if (!locate) throw new Error(`InvalidParameterValue: location type ${locationType}`);
  const all: { instanceType: string; location: string }[] = [];
  for (const zone of w.zones) {
    for (const instanceType of w.instanceTypeOfferings[zone.id] ?? []) {
      const location = locate(zone.id);
      if (!all.some((o) => o.instanceType === instanceType && o.location === location))
        all.push({ instanceType, location });
    }
  }
  const found = matchAll(
    all,
    (inputs.filters as Filter[] | undefined) ?? [],
    { "instance-type": (o) => o.instanceType, location: (o) => o.location },
    "instance type offering",
  );
  return {
    id: w.region,
    instanceTypes: found.map((o) => o.instanceType),
    locations: found.map((o) => o.location),
    locationTypes: found.map(() => locationType),
    region: w.region,
    ...(inputs.filters !== undefined ? { filters: inputs.filters } : {}),
    ...(inputs.locationType !== undefined ? { locationType: inputs.locationType } : {}),
  };
}

function networkInterface(w: World, eni: WorldNetworkInterface): Inputs {
  return {
    id: eni.id,
    arn: `arn:${w.partition.name}:ec2:${w.region}:${w.accountId}:network-interface/${eni.id}`,
    availabilityZone: eni.availabilityZone,
    description: eni.description,
    privateIp: eni.privateIp,
    privateIps: [eni.privateIp],
    tags: {},
  };
}

const LOOKUPS: Readonly<Record<string, (w: World, inputs: Inputs) => Inputs>> = {
  "aws:index/getAvailabilityZones:getAvailabilityZones": availabilityZones,
  "aws:ec2/getInstanceTypeOfferings:getInstanceTypeOfferings": instanceTypeOfferings,
  "aws:index/getCallerIdentity:getCallerIdentity": (w) => ({
    id: w.accountId,
    accountId: w.accountId,
    arn: w.callerIdentity.arn,
    userId: w.callerIdentity.userId,
  }),
  "aws:index/getPartition:getPartition": (w) => ({
    id: w.partition.name,
    partition: w.partition.name,
    dnsSuffix: w.partition.dnsSuffix,
    reverseDnsPrefix: w.partition.reverseDnsPrefix,
  }),
  "aws:index/getRegion:getRegion": (w) => ({
    id: w.region,
    name: w.region,
    region: w.region,
    endpoint: `ec2.${w.region}.${w.partition.dnsSuffix}`,
    description: REGION_DESCRIPTIONS[w.region] ?? w.region,
  }),
  "aws:eks/getAddonVersion:getAddonVersion": (w, inputs) => {
    const addonName = inputs.addonName as string;
    const kubernetesVersion = inputs.kubernetesVersion as string;
    if (inputs.mostRecent === true) {
      throw new Error(
        `unmocked: the world holds the default add-on versions only, not the most recent: add them to plan/world.ts`,
      );
    }
    const version = w.eksAddonDefaults[kubernetesVersion]?.[addonName];
    if (!version) {
      throw new Error(
        `reading EKS Add-On version info (${addonName}, ${kubernetesVersion}): couldn't find resource (the world has no default version of ${addonName} for Kubernetes ${kubernetesVersion}: add it to EKS_ADDON_DEFAULTS in plan/world.ts)`,
      );
    }
    return { id: addonName, addonName, kubernetesVersion, mostRecent: false, version };
  },
  "aws:ec2/getNetworkInterfaces:getNetworkInterfaces": (w, inputs) => {
    const filters = (inputs.filters as Filter[] | undefined) ?? [];
    const tags = (inputs.tags as Record<string, string> | undefined) ?? {};
    // The world's interfaces carry no tags: a tag filter matches none of them.
    const found = Object.keys(tags).length > 0 ? [] : matchInterfaces(w.networkInterfaces, filters);
    return { id: w.region, ids: found.map((eni) => eni.id), filters, tags };
  },
  "aws:ec2/getNetworkInterface:getNetworkInterface": (w, inputs) => {
    if (inputs.filters !== undefined) {
      throw new Error(
        "unmocked: getNetworkInterface by filters; look interfaces up by id, or add it to plan/lookups.ts",
      );
    }
    const id = inputs.id as string;
    const eni = w.networkInterfaces.find((x) => x.id === id);
    if (!eni) throw new Error(`InvalidNetworkInterfaceID.NotFound: The networkInterface ID '${id}' does not exist`);
    return networkInterface(w, eni);
  },
  // ListClusters: the names of the account's clusters in the region (none in a new account).
  "aws:ec2/getVpc:getVpc": (w, inputs) => {
    const id = inputs.id as string;
    const vpc = w.vpcs[id];
    if (!vpc) throw new Error(`InvalidVpcID.NotFound: The vpc ID '${id}' does not exist`);
    return {
      id,
      cidrBlock: vpc.cidrBlock,
      enableDnsSupport: vpc.enableDnsSupport,
      enableDnsHostnames: vpc.enableDnsHostnames,
      arn: `arn:${w.partition.name}:ec2:${w.region}:${w.accountId}:vpc/${id}`,
      state: "available",
    };
  },
  // The clusters of the account in the region (ListClusters).
  "aws:eks/getClusters:getClusters": (w) => ({
    id: w.region,
    names: Object.keys(w.eksClusters).sort(),
    region: w.region,
  }),
  // DescribeCluster, reduced to what the program reads: a cluster the account does not run is an error.
  "aws:eks/getCluster:getCluster": (w, inputs) => {
    const name = inputs.name as string;
    const cluster = w.eksClusters[name];
    if (!cluster) throw new Error(`reading EKS Cluster (${name}): couldn't find resource`);
    return {
      id: name,
      name,
      arn: `arn:${w.partition.name}:eks:${w.region}:${w.accountId}:cluster/${name}`,
      version: cluster.version,
      endpoint: cluster.endpoint,
      status: "ACTIVE",
      upgradePolicies: [{ supportType: cluster.supportType }],
      region: w.region,
      vpcConfig: {
        endpointPrivateAccess: true,
        endpointPublicAccess: cluster.endpointPublicAccess,
        publicAccessCidrs: [...cluster.publicAccessCidrs],
        vpcId: cluster.vpcId,
      },
    };
  },
  "aws:ec2/getSubnet:getSubnet": (w, inputs) => {
    const id = inputs.id as string;
    const subnet = w.subnets[id];
    if (!subnet) throw new Error(`InvalidSubnetID.NotFound: The subnet ID '${id}' does not exist`);
    return { id, ...subnet, arn: `arn:${w.partition.name}:ec2:${w.region}:${w.accountId}:subnet/${id}` };
  },
};

/**
 * The answer fields each lookup takes from facts this world made up (no source: see plan/world.ts),
 * as opposed to sourced facts (partitions, regions, add-on versions, the documented example
 * caller, each region's AZ ids): the AZ names (which name stands for which AZ id differs per
 * account; plan/world.ts makes the mapping up), the load balancers' interfaces, the existing
 * network's CIDRs and AZs, an existing cluster's endpoint. The other fields are sourced facts or
 * echo the inputs.
 */
const MADE_UP_FIELDS: Readonly<Record<string, readonly string[]>> = {
  "aws:index/getAvailabilityZones:getAvailabilityZones": ["names"],
  "aws:ec2/getNetworkInterfaces:getNetworkInterfaces": ["ids"],
  "aws:ec2/getNetworkInterface:getNetworkInterface": ["id", "arn", "privateIp", "privateIps", "availabilityZone"],
  "aws:ec2/getVpc:getVpc": ["cidrBlock"],
  "aws:ec2/getSubnet:getSubnet": ["cidrBlock", "availabilityZone"],
  "aws:eks/getCluster:getCluster": ["endpoint"],
};

/** A lookup's answer split into the strings this world made up and the ones that are sourced facts. */
export function lookupStrings(token: string, answer: Inputs): { madeUp: string[]; facts: string[] } {
  const fields = MADE_UP_FIELDS[token] ?? [];
  const pick = (made: boolean) =>
    Object.entries(answer)
      .filter(([k]) => fields.includes(k) === made)
      .flatMap(([, v]) => stringLeaves(v));
  return { madeUp: pick(true), facts: pick(false) };
}

/** The answer to the lookup `token` with `inputs`; an error for a lookup not listed. */
export function lookup(w: World, token: string, inputs: Inputs): Inputs {
  const answer = LOOKUPS[token];
  if (!answer) throw new Error(`unmocked invoke ${token}: add a realistic answer to plan/lookups.ts`);
  return answer(w, inputs);
}

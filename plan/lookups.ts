/**
 * The answers to the lookups (invokes) the program makes, read from the World, in the shape the
 * provider returns them. Any other lookup is an error naming it, so that a new lookup cannot slip
 * through untested; a lookup for something the world does not hold fails or answers nothing, as
 * AWS does. Where the world answers an assumption instead of a sourced fact (plan/world.ts), the
 * answer says so: its strings count as made up, and the assumption is listed with the plan.
 */
import { stringLeaves } from "./values";
import {
  lacksRegion,
  offering,
  REGION_DESCRIPTIONS,
  type World,
  type WorldNetworkInterface,
  type WorldZone,
} from "./world";

type Inputs = Record<string, unknown>;

/** What a lookup answered from assumptions rather than sourced facts. */
interface Notes {
  /** Strings of the answer the world made up (beyond the lookup's MADE_UP_FIELDS). */
  readonly madeUp: string[];
  /** What was assumed, one sentence each, for the plan's list. */
  readonly assumptions: string[];
}

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
 * Items that match every filter (a filter matches when any of its values does, with EC2's
 * wildcards), as the Describe* APIs select them: with no match the answer is simply empty. A filter
 * the world does not know is an error naming where to add it, never ignored.
 */
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

/** The world's zones; an error naming REGION_ZONES for a region the world does not hold. */
function zonesOf(w: World): readonly WorldZone[] {
  if (!w.regionHeld) throw new Error(lacksRegion(w.region));
  return w.zones;
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
  const all = zonesOf(w);
  const enabled =
    inputs.allAvailabilityZones === true
      ? all
      : all.filter((z) => (z.optInStatus ?? "opt-in-not-required") !== "not-opted-in");
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
 * (EC2 API reference, DescribeInstanceTypeOfferings). The types considered in a zone are those the
 * world's sourced facts list there and those the `instance-type` filter names without a wildcard;
 * an offering the world has no sourced fact for is assumed (plan/world.ts `offering`) and noted.
 */
function instanceTypeOfferings(w: World, inputs: Inputs, notes: Notes): Inputs {
  const zones = zonesOf(w);
  const locationType = (inputs.locationType as string | undefined) ?? "region";
  const locationOf: Readonly<Record<string, (zone: WorldZone) => string>> = {
    "availability-zone-id": (z) => z.id,
    "availability-zone": (z) => z.name,
    region: () => w.region,
  };
  const locate = locationOf[locationType];
  if (!locate) throw new Error(`InvalidParameterValue: location type ${locationType}`);
  const filters = (inputs.filters as Filter[] | undefined) ?? [];
  const named = filters
    .filter((f) => f.name === "instance-type")
    .flatMap((f) => f.values)
    .filter((v) => !/[*?\\]/.test(v));
  const all: { instanceType: string; location: string; zoneId: string; assumed: boolean }[] = [];
  for (const zone of zones) {
    // The types the world knows in this zone, and those the filter names.
    const types = new Set([
      ...(w.instanceTypeOfferings[zone.id] ?? []),
      ...(w.completeZoneOfferings[zone.id] ?? []),
      ...named,
    ]);
    for (const instanceType of [...types].sort()) {
      const offered = offering(w, zone.id, instanceType);
      const location = locate(zone);
      if (offered !== "no" && !all.some((o) => o.instanceType === instanceType && o.location === location))
        all.push({ instanceType, location, zoneId: zone.id, assumed: offered === "assumed" });
    }
  }
  const found = matchAll(
    all,
    filters,
    { "instance-type": (o) => o.instanceType, location: (o) => o.location },
    "instance type offering",
  );
  const assumed = new Map<string, string[]>();
  for (const o of found.filter((x) => x.assumed))
    assumed.set(o.instanceType, [...(assumed.get(o.instanceType) ?? []), o.zoneId]);
  for (const [type, zoneIds] of assumed) {
    notes.madeUp.push(type);
    notes.assumptions.push(
      `instance type ${type}: assumed offered in ${zoneIds.join(", ")} (plan/world.ts holds no sourced offering of it there)`,
    );
  }
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

const LOOKUPS: Readonly<Record<string, (w: World, inputs: Inputs, notes: Notes) => Inputs>> = {
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
  "aws:eks/getAddonVersion:getAddonVersion": (w, inputs, notes) => {
    const addonName = inputs.addonName as string;
    const kubernetesVersion = inputs.kubernetesVersion as string;
    if (inputs.mostRecent === true) {
      throw new Error(
        `unmocked: the world holds the default add-on versions only, not the most recent: add them to plan/world.ts`,
      );
    }
    let version = w.eksAddonDefaults[kubernetesVersion]?.[addonName];
    if (version === undefined) {
      const assumed = w.eksAddonAssumed[kubernetesVersion]?.[addonName];
      if (assumed === undefined) {
        throw new Error(
          `reading EKS Add-On version info (${addonName}, ${kubernetesVersion}): couldn't find resource (the world has no default version of ${addonName} for Kubernetes ${kubernetesVersion}: add it to EKS_ADDON_DEFAULTS in plan/world.ts)`,
        );
      }
      version = assumed.version;
      notes.madeUp.push(version);
      notes.assumptions.push(
        `EKS add-on ${addonName} for Kubernetes ${kubernetesVersion}: default assumed ${version}, ${assumed.basis} (plan/world.ts holds no sourced default)`,
      );
    }
    return { id: addonName, addonName, kubernetesVersion, mostRecent: false, version };
  },
  "aws:ec2/getNetworkInterfaces:getNetworkInterfaces": (w, inputs) => {
    const filters = (inputs.filters as Filter[] | undefined) ?? [];
    const tags = (inputs.tags as Record<string, string> | undefined) ?? {};
    // The world's interfaces carry no tags: a tag filter matches none of them.
    const found =
      Object.keys(tags).length > 0
        ? []
        : matchAll(w.networkInterfaces, filters, INTERFACE_FILTERS, "network interface");
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
  "aws:ec2/getVpc:getVpc": (w, inputs) => {
    zonesOf(w);
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
  // ListClusters: the names of the account's clusters in the region (none in a new account).
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
    zonesOf(w);
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
 * echo the inputs, except where a lookup answers an assumption: it notes those strings itself.
 */
const MADE_UP_FIELDS: Readonly<Record<string, readonly string[]>> = {
  "aws:index/getAvailabilityZones:getAvailabilityZones": ["names"],
  "aws:ec2/getNetworkInterfaces:getNetworkInterfaces": ["ids"],
  "aws:ec2/getNetworkInterface:getNetworkInterface": ["id", "arn", "privateIp", "privateIps", "availabilityZone"],
  "aws:ec2/getVpc:getVpc": ["cidrBlock"],
  "aws:ec2/getSubnet:getSubnet": ["cidrBlock", "availabilityZone"],
  "aws:eks/getCluster:getCluster": ["endpoint"],
};

/** A lookup's answer, with its strings split into those this world made up and those that are sourced facts. */
export interface LookupAnswer {
  readonly answer: Inputs;
  readonly madeUp: string[];
  readonly facts: string[];
  /** What the answer assumed where the world holds no sourced fact, one sentence each. */
  readonly assumptions: string[];
}

/** The answer to the lookup `token` with `inputs`, with what in it is made up or assumed; an error for a lookup not listed. */
export function answerLookup(w: World, token: string, inputs: Inputs): LookupAnswer {
  const answerOf = LOOKUPS[token];
  if (!answerOf) throw new Error(`unmocked invoke ${token}: add a realistic answer to plan/lookups.ts`);
  const notes: Notes = { madeUp: [], assumptions: [] };
  const answer = answerOf(w, inputs, notes);
  const fields = MADE_UP_FIELDS[token] ?? [];
  const noted = new Set(notes.madeUp);
  const leaves = (made: boolean) =>
    Object.entries(answer)
      .filter(([k]) => fields.includes(k) === made)
      .flatMap(([, v]) => stringLeaves(v));
  return {
    answer,
    madeUp: [...leaves(true), ...notes.madeUp],
    facts: leaves(false).filter((x) => !noted.has(x)),
    assumptions: notes.assumptions,
  };
}

/** The answer to the lookup `token` with `inputs`; an error for a lookup not listed. */
export function lookup(w: World, token: string, inputs: Inputs): Inputs {
  return answerLookup(w, token, inputs).answer;
}

/**
 * The answers to the lookups (invokes) the program makes, read from the World, in the shape the
 * provider returns them. Any other lookup is an error naming it, so that a new lookup cannot slip
 * through untested; a lookup for something the world does not hold fails or answers nothing, as
 * AWS does.
 */
import { stringLeaves } from "./values";
import { REGION_DESCRIPTIONS, type World, type WorldNetworkInterface } from "./world";

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
  "aws:index/getAvailabilityZones:getAvailabilityZones": (w, inputs) => ({
    id: w.region,
    names: w.zones.map((z) => z.name),
    zoneIds: w.zones.map((z) => z.id),
    groupNames: w.zones.map(() => w.region),
    state: inputs.state,
  }),
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
  "aws:eks/getClusters:getClusters": (w) => ({
    id: w.region,
    names: Object.keys(w.eksClusters ?? {}),
    region: w.region,
  }),
  // DescribeCluster, the fields the program reads; an unknown name fails as the provider does.
  "aws:eks/getCluster:getCluster": (w, inputs) => {
    const name = inputs.name as string;
    const cluster = w.eksClusters?.[name];
    if (!cluster) throw new Error(`reading EKS Cluster (${name}): couldn't find resource`);
    return {
      id: name,
      name,
      arn: `arn:${w.partition.name}:eks:${w.region}:${w.accountId}:cluster/${name}`,
      endpoint: cluster.endpoint,
      status: "ACTIVE",
      region: w.region,
      vpcConfig: {
        endpointPrivateAccess: true,
        endpointPublicAccess: cluster.endpointPublicAccess,
        publicAccessCidrs: [...cluster.publicAccessCidrs],
        vpcId: cluster.vpcId,
      },
    };
  },
  "aws:ec2/getVpc:getVpc": (w, inputs) => {
    const id = inputs.id as string;
    const vpc = w.vpcs[id];
    if (!vpc) throw new Error(`InvalidVpcID.NotFound: The vpc ID '${id}' does not exist`);
    return {
      id,
      cidrBlock: vpc.cidrBlock,
      arn: `arn:${w.partition.name}:ec2:${w.region}:${w.accountId}:vpc/${id}`,
      state: "available",
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
 * caller): the AZ ids' mapping, the load balancers' interfaces, the existing network's CIDRs and
 * AZs, an existing cluster's endpoint. The other fields are sourced facts or echo the inputs.
 */
const MADE_UP_FIELDS: Readonly<Record<string, readonly string[]>> = {
  "aws:index/getAvailabilityZones:getAvailabilityZones": ["zoneIds"],
  "aws:ec2/getNetworkInterfaces:getNetworkInterfaces": ["ids"],
  "aws:ec2/getNetworkInterface:getNetworkInterface": ["id", "arn", "privateIp", "privateIps"],
  "aws:ec2/getVpc:getVpc": ["cidrBlock"],
  "aws:ec2/getSubnet:getSubnet": ["cidrBlock", "availabilityZoneId"],
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

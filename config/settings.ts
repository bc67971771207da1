/**
 * The typed settings of a stack and the defaults of the whole contract (../shared/CONFIG.md),
 * assembled from the components' own defaults: each default is written once, beside the argument
 * it belongs to.
 */
import { CLUSTER_DEFAULTS, type ClusterSettings, type ProviderCredentials } from "../components/cluster/args";
import { DATABASE_DEFAULTS, type DatabaseSettings } from "../components/database/args";
import { INGRESS_DEFAULTS, type IngressSettings } from "../components/ingress/args";
import { NETWORK_DEFAULTS, type NetworkSettings } from "../components/network/args";
import { STORAGE_DEFAULTS, type StorageSettings } from "../components/storage/args";
import { ACCESS_SECTION_DEFAULTS, type AccessSection } from "./access";
import { PLATFORM_SECTION_DEFAULTS, type PlatformSection } from "./platform";

/** The project's name: its config keys live in this namespace. */
export const PROJECT = "datafold-aws";

export interface Settings {
  /** `aws:region`. */
  readonly region: string;
  readonly deploymentName: string;
  readonly domain: string;
  readonly tags: Readonly<Record<string, string>>;
  readonly network: NetworkSettings;
  readonly cluster: ClusterSettings;
  readonly storage: StorageSettings;
  readonly database: DatabaseSettings;
  readonly ingress: IngressSettings;
  readonly access: AccessSection;
  readonly platform: PlatformSection;
  /** Who the AWS provider deploys as (`aws:profile`, `aws:assumeRoles`), for the cluster's kubeconfig; {} for the ambient credentials. */
  readonly credentials: ProviderCredentials;
}

/** The defaults of every optional key of the contract, by section. */
export const DEFAULTS = {
  tags: {} as Readonly<Record<string, string>>,
  network: NETWORK_DEFAULTS,
  cluster: CLUSTER_DEFAULTS,
  storage: STORAGE_DEFAULTS,
  database: DATABASE_DEFAULTS,
  ingress: INGRESS_DEFAULTS,
  access: ACCESS_SECTION_DEFAULTS,
  platform: PLATFORM_SECTION_DEFAULTS,
};

/** The top-level keys of the contract in the project's namespace. */
export const TOP_LEVEL_KEYS = ["deploymentName", "domain", ...Object.keys(DEFAULTS)];

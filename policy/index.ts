/**
 * The CrossGuard pack: `pulumi preview --policy-pack policy`. One rule per file under rules/,
 * listed in policies.ts; every rule is mandatory unless the pack's config says otherwise.
 */
import { PolicyPack } from "@pulumi/policy";

import { policies } from "./policies";

new PolicyPack("datafold-aws", { enforcementLevel: "mandatory", policies });

import * as aws from "@pulumi/aws";
import type * as pulumi from "@pulumi/pulumi";

import { nameTags } from "./tags";

/**
 * A customer-managed symmetric KMS key with automatic rotation and its alias `alias/<name>`. The
 * key is protected: data encrypted with it is lost with it. Deletion, once unprotected, waits
 * the longest window AWS allows.
 */
export function protectedKey(
  parent: pulumi.Resource,
  name: string,
  description: string,
  tags: Readonly<Record<string, string>>,
): aws.kms.Key {
  const key = new aws.kms.Key(
    name,
    { description, enableKeyRotation: true, deletionWindowInDays: 30, tags: nameTags(tags, name) },
    { parent, protect: true },
  );
  new aws.kms.Alias(name, { name: `alias/${name}`, targetKeyId: key.keyId }, { parent });
  return key;
}

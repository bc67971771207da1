/** The shape of an IAM policy document, shared by every component that writes one. No Pulumi import. */

export interface PolicyDocument {
  Version: "2012-10-17";
  Statement: Statement[];
}

export interface Statement {
  Sid?: string;
  Effect: "Allow" | "Deny";
  Principal?: Record<string, string | string[]> | "*";
  Action: string | string[];
  Resource?: string | string[];
  Condition?: Record<string, Record<string, string | string[]>>;
}

/** A policy document of the given statements. */
export function policyDocument(...statements: Statement[]): PolicyDocument {
  return { Version: "2012-10-17", Statement: statements };
}

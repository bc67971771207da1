import { expect } from "chai";
import * as rpc from "@pulumi/pulumi/runtime/rpc";

import { reveal, SECRET_SIG, SIG_KEY, UNKNOWN } from "../lib/wire";

describe("the pack's wire-format helpers", () => {
  it("use the Pulumi SDK's own signature key, secret signature and unknown marker", () => {
    expect([SIG_KEY, SECRET_SIG, UNKNOWN]).to.deep.equal([rpc.specialSigKey, rpc.specialSecretSig, rpc.unknownValue]);
  });

  it("reveal secrets in wire form and export form, and count a ciphertext-only secret as unknown", () => {
    const wire = { [SIG_KEY]: SECRET_SIG, value: { password: "p" } };
    const exported = { [SIG_KEY]: SECRET_SIG, plaintext: JSON.stringify(["a", { [SIG_KEY]: SECRET_SIG, value: 1 }]) };
    const hidden = { [SIG_KEY]: SECRET_SIG, ciphertext: "v1:abc" };
    expect(reveal({ wire, list: [exported, hidden], plain: "x" })).to.deep.equal({
      wire: { password: "p" },
      list: [["a", 1], UNKNOWN],
      plain: "x",
    });
  });
});

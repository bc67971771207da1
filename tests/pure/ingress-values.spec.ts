/**
 * What `pulumi up` prints while a requested certificate waits for DNS validation: the record to
 * create, and what waits for the certificate in the stack's ingress mode.
 */
import { expect } from "chai";

import { validationMessage } from "../../components/ingress/values";

describe("the certificate's validation message (components/ingress/values)", () => {
  const records = [{ name: "_abc.datafold.acme.example.", type: "CNAME", value: "_def.acm-validations.aws." }];
  const head = [
    "The certificate for datafold.acme.example waits for DNS validation. Create this record in the zone of datafold.acme.example:",
    "  _abc.datafold.acme.example. CNAME _def.acm-validations.aws.",
  ];

  it("alb mode: the HTTPS listener this program creates waits for it", () => {
    expect(validationMessage("datafold.acme.example", records, "alb").split("\n")).to.deep.equal([
      ...head,
      "The load balancer's HTTPS listener is created once ACM reports the certificate as issued.",
    ]);
  });

  it("controller mode: no listener of this program's; the chart's values name the certificate once issued", () => {
    expect(validationMessage("datafold.acme.example", records, "controller").split("\n")).to.deep.equal([
      ...head,
      "The applicationSettings output names the certificate once ACM reports it as issued; the Load Balancer Controller creates the load balancer and its HTTPS listener when the application's chart is installed.",
    ]);
  });
});

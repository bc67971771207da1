import { expect } from "chai";

import { statefulChangeError, statefulChangeProblems, type StatefulSettings } from "../../stack/guard";
import { autoMinorVersionUpgrade, majorVersion, parameterGroupFamily } from "../../components/database/engine";

const CURRENT: StatefulSettings = {
  primaryAvailabilityZoneId: "use1-az2",
  primaryAvailabilityZoneKey: "network.availabilityZoneIds",
  storageKmsKeyArn: "",
  volumeSizesGb: { clickhouseData: 40, clickhouseLogs: 40, redisData: 50 },
  databaseEngineMajor: 17,
};

describe("stateful change guard", () => {
  const table: [string, unknown, string[]][] = [
    ["a first deployment (no previous outputs)", undefined, []],
    ["an unchanged deployment", { ...CURRENT }, []],
    [
      "volumes that grow and a major upgrade",
      { ...CURRENT, volumeSizesGb: { clickhouseData: 30, clickhouseLogs: 40, redisData: 20 }, databaseEngineMajor: 16 },
      [],
    ],
    [
      "a primary AZ that moves",
      { ...CURRENT, primaryAvailabilityZoneId: "use1-az4" },
      [
        'datafold-aws:network.availabilityZoneIds: the primary AZ would move from use1-az4 to use1-az2. The ClickHouse and Redis volumes live in use1-az4 and an EBS volume cannot move: AWS would delete them and create empty ones. Keep use1-az4 first; to move on purpose, snapshot the volumes, restore them in the new AZ and follow README "Moving the primary AZ".',
      ],
    ],
    [
      "a new storage key",
      { ...CURRENT, storageKmsKeyArn: "arn:aws:kms:us-east-1:123456789012:key/k" },
      [
        "datafold-aws:storage.kmsKeyArn: the volumes are encrypted with arn:aws:kms:us-east-1:123456789012:key/k; switching to the AWS-managed key would replace all three volumes with empty ones. Keep the key; to re-encrypt, copy snapshots with the new key and restore them.",
      ],
    ],
    [
      "a volume that shrinks",
      { ...CURRENT, volumeSizesGb: { clickhouseData: 40, clickhouseLogs: 40, redisData: 80 } },
      ["datafold-aws:storage.redisData.sizeGb: 80 -> 50: an EBS volume can grow but never shrink; keep 80 or more."],
    ],
    [
      "a PostgreSQL downgrade",
      { ...CURRENT, databaseEngineMajor: 18 },
      ["datafold-aws:database.engineVersion: PostgreSQL 18 -> 17: RDS cannot downgrade a database; keep 18 or later."],
    ],
  ];
  for (const [what, previous, problems] of table) {
    it(`${problems.length === 0 ? "allows" : "refuses"} ${what}`, () => {
      expect(statefulChangeProblems(previous, CURRENT)).to.deep.equal(problems);
    });
  }

  it("reports every problem in one error", () => {
    const problems = statefulChangeProblems(
      { ...CURRENT, primaryAvailabilityZoneId: "use1-az1", databaseEngineMajor: 18 },
      CURRENT,
    );
    expect(problems).to.have.length(2);
    expect(statefulChangeError(problems).message.split("\n")[0]).to.equal(
      "Refusing a config change that would replace or shrink stored data (nothing was changed):",
    );
  });
});

describe("database engine", () => {
  const table: [string, number, string, boolean][] = [
    ["17", 17, "postgres17", true],
    ["17.4", 17, "postgres17", false],
    ["16", 16, "postgres16", true],
    ["13.20", 13, "postgres13", false],
  ];
  for (const [version, major, family, autoMinor] of table) {
    it(`reads ${version} as major ${major}, family ${family}, automatic minor upgrades ${autoMinor ? "on" : "off"}`, () => {
      expect([majorVersion(version), parameterGroupFamily(version), autoMinorVersionUpgrade(version)]).to.deep.equal([
        major,
        family,
        autoMinor,
      ]);
    });
  }
});

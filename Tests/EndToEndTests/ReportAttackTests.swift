import Foundation
import Testing

/// Everything the city would publish for one period, handed to `Scripts/attack-report.py`: every
/// report by every cut, and the Alliance file. The attacker recomputes no withheld figure; and
/// it does bite, since one withheld figure put back lets it recompute its partner.
/// population, coverage, employment, schooling, language.
private let allianceTableCount = 5

@Suite struct ReportAttackTests {
    static let hasSciPy = (try? KyoseiBinary().run(
        executable: URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", "import scipy"], environment: ProcessInfo.processInfo.environment).status) == 0

    static var script: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Scripts/attack-report.py").path
    }

    @Test(RequiredTool.enabled(hasSciPy, "needs python3 with SciPy (pip install scipy)"))
    func theAttackerRecomputesNothingThatWasWithheld() throws {
        try #require(Self.hasSciPy, "CI is set and python3 cannot import SciPy")
        var kyosei = try KyoseiBinary()
        let demo = kyosei.folder.appendingPathComponent("demo")
        let built = try kyosei.run("demo", "--dir", demo.path, "--residents", "2000", "--seed", "7")
        #expect(built.status == 0, "\(built.stderr)")
        kyosei.environment["KYOSEI_DB"] = demo.appendingPathComponent("kyosei.sqlite").path

        var published: [String] = []
        let reports: [(String, [String], [String])] = [
            ("population", ["nationality", "status", "district", "age-band", "register-state"], []),
            ("coverage", ["nationality", "region", "status", "district", "age-band"], []),
            ("schooling", ["nationality", "district", "grade"], []),
            ("employment", ["nationality", "status", "employer-size"], ["--period", "FY2026"]),
            ("language", ["kind", "level", "nationality"], ["--period", "FY2026"]),
        ]
        for (report, cuts, extra) in reports {
            for cut in cuts {
                let out = kyosei.folder.appendingPathComponent("\(report)-\(cut).json").path
                let result = try kyosei.run(["report", report, "--by", cut, "--format", "json", "--out", out] + extra)
                #expect(result.status == 0, "\(report) by \(cut): \(result.stderr)")
                published.append(out)
            }
        }
        let alliance = kyosei.folder.appendingPathComponent("alliance.json").path
        #expect(try kyosei.run("report", "alliance", "--period", "FY2026", "--out", alliance).status == 0)
        published.append(alliance)

        // A second city (the same figures under another code) and the Alliance's merge of both.
        let other = kyosei.folder.appendingPathComponent("232114.json")
        try String(contentsOfFile: alliance, encoding: .utf8).replacingOccurrences(of: "\"221309\"", with: "\"232114\"")
            .write(to: other, atomically: true, encoding: .utf8)
        let merged = kyosei.folder.appendingPathComponent("merged.json").path
        #expect(try kyosei.run("alliance", "merge", alliance, other.path, "--out", merged).status == 0)
        published += [other.path, merged]

        let attack = try kyosei.run(executable: URL(fileURLWithPath: "/usr/bin/env"),
                                    ["python3", Self.script, "--json"] + published, environment: ProcessInfo.processInfo.environment)
        #expect(attack.status == 0, "\(attack.stdout)\(attack.stderr)")
        let verdict = try JSONSerialization.jsonObject(with: Data(attack.stdout.utf8)) as? [String: Any] ?? [:]
        #expect(verdict["tables"] as? Int == published.count - 3 + 3 * allianceTableCount, "every report, and every table of each Alliance file")
        #expect((verdict["withheld"] as? Int ?? 0) > 20, "the city is small enough that some figures must be withheld")
        #expect((verdict["recomputed"] as? [Any])?.isEmpty == true)

        // Put one withheld figure of a table back as a number: the attacker must find its partner.
        let target = try #require(published.first { path in
            let table = try? JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any]
            return (table?["rows"] as? [[String: Any]])?.filter { $0["Residents"] is NSNull }.count == 2
        }, "a population cut with exactly two withheld groups")
        var table = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: target))) as! [String: Any]
        var rows = table["rows"] as! [[String: Any]]
        let first = rows.firstIndex { $0["Residents"] is NSNull }!
        rows[first]["Residents"] = 1
        table["rows"] = rows
        let tampered = kyosei.folder.appendingPathComponent("tampered.json")
        try JSONSerialization.data(withJSONObject: table).write(to: tampered)
        let bitten = try kyosei.run(executable: URL(fileURLWithPath: "/usr/bin/env"),
                                    ["python3", Self.script, tampered.path], environment: ProcessInfo.processInfo.environment)
        #expect(bitten.status == 1, "\(bitten.stdout)")
        #expect(bitten.stdout.contains("RECOMPUTED"))
    }
}

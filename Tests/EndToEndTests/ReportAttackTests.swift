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

    /// September's CN hires (3) withheld, with July, August and the quarter published in full:
    /// each table alone gives nothing back, but the quarter less its first two months gives the
    /// third. The layout is Kyosei's own; the figures are those a one-table step publishes.
    @Test(RequiredTool.enabled(hasSciPy, "needs python3 with SciPy (pip install scipy)"))
    func theAttackerSubtractsMonthsFromTheirQuarter() throws {
        try #require(Self.hasSciPy, "CI is set and python3 cannot import SciPy")
        let kyosei = try KyoseiBinary()
        #expect(try kyosei.run("init").status == 0)
        let template = kyosei.folder.appendingPathComponent("template.json").path
        #expect(try kyosei.run("report", "employment", "--period", "2026-Q3", "--by", "nationality", "--format", "json",
                               "--out", template).status == 0)
        let text = try String(contentsOfFile: template, encoding: .utf8)
        let layout = try #require(text.range(of: "\"layout\"").map { String(text[$0.lowerBound...]) })
        func published(_ name: String, _ first: String, _ last: String, _ hires: [String: Int?], total: Int) throws -> String {
            func row(_ label: String, _ n: Int?) -> String {
                "{\"nationality\": \"\(label)\", \"Hires\": \(n.map(String.init) ?? "null"), \"Separations\": null, "
                    + "\"Late reports\": null, \"Late share\": null, \"Insured share\": null, \"Dispatched share\": null}"
            }
            let json = "{\n  \"title\": \"Employment reports by nationality, \(first) to \(last)\",\n  \"rows\": [\n    "
                + hires.keys.sorted().map { row($0, hires[$0]!) }.joined(separator: ",\n    ")
                + "\n  ],\n  \"total\": \(row("Total", total)),\n  \"notes\": [],\n  " + layout
            let path = kyosei.folder.appendingPathComponent(name).path
            try json.write(toFile: path, atomically: true, encoding: .utf8)
            return path
        }
        let july = try published("2026-07.json", "2026-07-01", "2026-07-31", ["BR": 20, "CN": 10], total: 30)
        let august = try published("2026-08.json", "2026-08-01", "2026-08-31", ["BR": 15, "CN": 8], total: 23)
        let september = try published("2026-09.json", "2026-09-01", "2026-09-30", ["BR": nil, "CN": nil], total: 33)
        let quarter = try published("2026-Q3.json", "2026-07-01", "2026-09-30", ["BR": 65, "CN": 21], total: 86)
        func attack(_ files: [String]) throws -> KyoseiBinary.Result {
            try kyosei.run(executable: URL(fileURLWithPath: "/usr/bin/env"), ["python3", Self.script] + files,
                           environment: ProcessInfo.processInfo.environment)
        }
        let alone = try attack([september, quarter])
        #expect(alone.status == 0, "without the other months the quarter does not tile: \(alone.stdout)\(alone.stderr)")
        let bitten = try attack([july, august, september, quarter])
        #expect(bitten.status == 1, "\(bitten.stdout)\(bitten.stderr)")
        #expect(bitten.stdout.contains("RECOMPUTED \(september): CN / Hires = [3]"), "\(bitten.stdout)")
    }

    /// The same attack on the city's own reports (the demo city, whose hires fall in September,
    /// plus one employer's): September's 3 DE hires among July's 10 and August's 8, every month and the quarter published, in either order, the quarter as a
    /// report or as the Alliance file. Each table is suppressed against those published before
    /// it, so the quarter (published last) or August (published after the quarter and July)
    /// withholds what would give September away.
    @Test(RequiredTool.enabled(hasSciPy, "needs python3 with SciPy (pip install scipy)"),
          arguments: [["2026-07", "2026-08", "2026-09", "2026-Q3"], ["2026-Q3", "2026-07", "2026-08", "2026-09"],
                      ["2026-07", "2026-08", "2026-09", "alliance 2026-Q3"], ["alliance 2026-Q3", "2026-07", "2026-08", "2026-09"]])
    func publishedMonthsAndTheirQuarterGiveBackNothing(order: [String]) throws {
        try #require(Self.hasSciPy, "CI is set and python3 cannot import SciPy")
        var kyosei = try KyoseiBinary()
        let demo = kyosei.folder.appendingPathComponent("demo")
        #expect(try kyosei.run("demo", "--dir", demo.path, "--residents", "1000", "--seed", "7").status == 0)
        kyosei.environment["KYOSEI_DB"] = demo.appendingPathComponent("kyosei.sqlite").path
        let header = "report_type,report_date,employer_id,establishment_name,establishment_address,residence_card_number,name_latin,"
            + "birth_date,sex,nationality,status_of_residence,stay_expiry_date,other_activity_permission,event_date,"
            + "employment_insurance,weekly_hours,dispatched,occupation"
        var lines = [header]
        for (month, hires) in [(7, ["FR": 20, "DE": 10]), (8, ["FR": 15, "DE": 8]), (9, ["FR": 30, "DE": 3])] {
            for (nationality, count) in hires.sorted(by: { $0.key < $1.key }) {
                for i in 0..<count {
                    let card = String(format: "%@%02d%06dAB", nationality, month, i)
                    lines.append("HIRE,2026-\(String(format: "%02d", month))-10,L00000000000001,Tenryu Parts,静岡県浜松市中区1丁目,\(card),"
                                 + "WORKER \(nationality) \(month) \(i),1990-01-01,1,\(nationality),PERMANENT,,N,"
                                 + "2026-\(String(format: "%02d", month))-05,Y,40,N,assembly")
                }
            }
        }
        let file = kyosei.folder.appendingPathComponent("EMP-2026-10-01.csv")
        try (lines.joined(separator: "\r\n") + "\r\n").write(to: file, atomically: true, encoding: .utf8)
        let imported = try kyosei.run("import", "employment", file.path, "--json")
        #expect(imported.status == 0, "\(imported.stdout)\(imported.stderr)")

        var published: [String: String] = [:]
        for period in order {
            let out = kyosei.folder.appendingPathComponent("\(period).json").path
            let result = period.hasPrefix("alliance ")
                ? try kyosei.run("report", "alliance", "--period", String(period.dropFirst("alliance ".count)), "--out", out)
                : try kyosei.run("report", "employment", "--period", period, "--by", "nationality", "--format", "json", "--out", out)
            #expect(result.status == 0, "\(period): \(result.stderr)")
            published[period] = out
        }
        func hires(_ period: String, _ group: String) throws -> Int? {
            let table = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: published[period]!))) as? [String: Any]
            return (table?["rows"] as? [[String: Any]])?.first { $0["nationality"] as? String == group }?["Hires"] as? Int
        }
        #expect(try hires("2026-09", "DE") == nil, "3 hires are under the minimum")
        #expect(try hires("2026-07", "DE") == 10 || order.first != "2026-07", "nothing to hide in July when it goes first")
        let attack = try kyosei.run(executable: URL(fileURLWithPath: "/usr/bin/env"), ["python3", Self.script] + order.map { published[$0]! },
                                    environment: ProcessInfo.processInfo.environment)
        #expect(attack.status == 0, "\(attack.stdout)\(attack.stderr)")
        #expect(attack.stdout.contains(order.contains { $0.hasPrefix("alliance") } ? "8 tables" : "4 tables"), "\(attack.stdout)")
    }
}

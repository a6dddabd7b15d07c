import Foundation
import Testing

@Suite struct ResidentCommandTests {
    @Test func initAddFindShowAndHistory() throws {
        let kyosei = try KyoseiBinary()
        let initialised = try kyosei.run("init", "--name", "First Admin")
        #expect(initialised.status == 0, "\(initialised.stderr)")
        #expect(initialised.stdout.contains("first administrator"))
        #expect(try kyosei.run("init").status == 1)

        let added = try kyosei.run("resident", "add", "--name", "da silva santos joao", "--kana", "ダシルバ サントス ジョアン",
                                   "--born", "1985-04-02", "--sex", "1", "--nationality", "BR", "--card", "AB12345678CD",
                                   "--household", "2000000001", "--relationship", "HEAD", "--json")
        #expect(added.status == 0, "\(added.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(added.stdout.utf8)) as? [String: Any]
        #expect(object?["name_latin"] as? String == "DA SILVA SANTOS JOAO")
        #expect(object?["register_state"] as? String == "UNREGISTERED_SERVED")
        #expect(object?["id"] as? Int == 1)

        let found = try kyosei.run("resident", "find", "ｼﾞｮｱﾝ")
        #expect(found.status == 0)
        #expect(found.stdout.contains("DA SILVA SANTOS JOAO"))
        #expect(try kyosei.run("resident", "find", "joão", "silva").stdout.contains("K1"))

        let shown = try kyosei.run("resident", "show", "AB12345678CD")
        #expect(shown.stdout.contains("Household:      2000000001 (HEAD)"))

        #expect(try kyosei.run("resident", "update", "K1", "--address", "浜松市中区元城町103-2", "--reason", "moved").status == 0)
        let history = try kyosei.run("resident", "history", "K1", "--json")
        let changes = try JSONSerialization.jsonObject(with: Data(history.stdout.utf8)) as? [String: Any]
        #expect(changes?["reference"] as? String == "K1")
        let rows = changes?["changes"] as? [[String: String]] ?? []
        let address = rows.first { $0["field"] == "address" }
        #expect(address?["new_value"] == "浜松市中区元城町103-2")
        #expect(address?["reason"] == "moved")
        #expect(address?["changed_at"] == "2026-11-23T02:00:00.000Z")
    }

    @Test func listJSONHasTheDocumentedKeys() throws {
        let kyosei = try KyoseiBinary()
        try kyosei.run("init")
        try kyosei.run("resident", "add", "--name", "NGUYEN THI LAN", "--born", "1998-11-15", "--sex", "2", "--nationality", "VN")
        let listed = try kyosei.run("resident", "list", "--json")
        let array = try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]]
        let first = try #require(array?.first)
        // The API's Resident: its required keys always, Kyosei's row id a number, and a field the
        // record has no value for left out (the OpenAPI document lists every key).
        for key in ["id", "reference", "register_state", "name_latin", "birth_date", "sex", "nationality"] {
            #expect(first[key] != nil, "missing \(key)")
        }
        #expect(first["id"] as? Int == 1)
        #expect(first["person_id"] == nil)
        #expect(first["birth_date"] as? String == "1998-11-15")
    }

    @Test func badInputNamesTheFieldAndExitsOne() throws {
        let kyosei = try KyoseiBinary()
        try kyosei.run("init")
        let bad = try kyosei.run("resident", "add", "--name", "X", "--born", "2023-02-30", "--sex", "1", "--nationality", "BR")
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("Birth date 2023-02-30: is not a date that exists."))
        let card = try kyosei.run("resident", "add", "--name", "X", "--born", "2000-01-01", "--sex", "1", "--nationality", "BR", "--card", "123")
        #expect(card.status == 1)
        #expect(card.stderr.contains("Residence card number 123: must be"))
        // A household id is ten digits: a function reference to its initialiser once picked the
        // unchecked one and stored whatever was typed.
        let household = try kyosei.run("resident", "add", "--name", "X", "--born", "2000-01-01", "--sex", "1", "--nationality", "BR",
                                       "--household", "abc")
        #expect(household.status == 1)
        #expect(household.stderr.contains("Household id abc: must be 10 digits"))
        #expect(try kyosei.run("resident", "list", "--household", "12").status == 1)
        #expect(try kyosei.run("resident", "show", "K42").status == 1)
        #expect(try kyosei.run("resident", "list", "--bogus").status == 1)
        #expect(try kyosei.run("resident", "list").status == 0)
    }

    @Test func noDatabaseIsAPlainError() throws {
        let kyosei = try KyoseiBinary()
        let result = try kyosei.run("resident", "list")
        #expect(result.status == 1)
        #expect(result.stderr.contains("run `kyosei init` first"))
    }

    @Test func auditVerifyCatchesTamperingWithExitThree() throws {
        let kyosei = try KyoseiBinary()
        try kyosei.run("init")
        try kyosei.run("resident", "add", "--name", "SILVA ANA", "--born", "1990-01-01", "--sex", "2", "--nationality", "BR")
        let ok = try kyosei.run("audit", "verify")
        #expect(ok.status == 0)
        #expect(ok.stdout.contains("intact"))
        try kyosei.sqlite("DROP TRIGGER audit_log_no_update; UPDATE audit_log SET detail = 'nothing to see' WHERE seq = 1")
        let broken = try kyosei.run("audit", "verify")
        #expect(broken.status == 3)
        #expect(broken.stderr.contains("entry 1 was changed"))
    }

    @Test func staffCommandsAndPermissionRefusals() throws {
        let kyosei = try KyoseiBinary()
        try kyosei.run("init")
        #expect(try kyosei.run("staff", "add", "tanaka", "--role", "caseworker", "--team", "east").status == 0)
        #expect(try kyosei.run("staff", "add", "tanaka", "--role", "clerk").status == 1)
        #expect(try kyosei.run("staff", "add", "suzuki", "--role", "wizard").status == 1)
        let list = try kyosei.run("staff", "list", "--json")
        #expect(list.stdout.contains("\"role\" : \"caseworker\""))
        let matrix = try kyosei.run("staff", "permissions")
        #expect(matrix.stdout.contains("resident.read"))
        let config = try JSONSerialization.jsonObject(with: Data(try kyosei.run("config", "show", "--json").stdout.utf8)) as? [String: Any]
        let settings = config?["settings"] as? [[String: String]] ?? []
        #expect(settings.contains { $0["key"] == "municipality.code" && $0["value"] == "221309" })
    }

    @Test func everyCommandHasHelpWithAnExample() throws {
        let kyosei = try KyoseiBinary()
        let leaves = [["init"], ["demo"], ["resident", "add"], ["resident", "show"], ["resident", "find"], ["resident", "list"],
                      ["resident", "update"], ["resident", "history"], ["household", "show"], ["staff", "add"],
                      ["staff", "list"], ["staff", "set-role"], ["staff", "disable"], ["staff", "enable"],
                      ["staff", "permissions"], ["audit", "verify"], ["audit", "log"], ["config", "show"],
                      ["sync", "register"], ["sync", "inbox"], ["sync", "attention"], ["rejects", "list"], ["rejects", "show"],
                      ["rejects", "fix"], ["rejects", "dismiss"], ["case", "list"], ["case", "show"], ["case", "open"],
                      ["case", "take"], ["case", "assign"], ["case", "note"], ["case", "move"], ["case", "resolve"],
                      ["case", "reopen"], ["case", "stats"], ["review", "list"], ["review", "show"], ["review", "link"],
                      ["review", "reject"], ["rules", "run"], ["backup"], ["restore"],
                      ["doctor"], ["audit", "head"], ["audit", "keygen"], ["audit", "sign"],
                      ["import", "insurance"], ["coverage", "show"], ["coverage", "gaps"], ["coverage", "link"],
                      ["report", "coverage"],
                      ["import", "employment"], ["employment", "show"], ["employment", "findings"], ["employer", "list"],
                      ["employer", "show"], ["employer", "headcount"], ["coverage", "facts"], ["coverage", "certificate"],
                      ["report", "employment"],
                      ["import", "school"], ["school", "list"], ["school", "children"], ["school", "status"],
                      ["school", "confirm"], ["report", "schooling"], ["report", "population"],
                      ["report", "alliance"], ["alliance", "merge"],
                      ["course", "create"], ["course", "list"], ["course", "show"], ["course", "schedule"], ["course", "enroll"],
                      ["course", "withdraw"], ["course", "transfer"], ["course", "attend"], ["course", "results"],
                      ["person", "language"], ["report", "language"],
                      ["import", "inbox"], ["nightly", "run"], ["serve"]]
        for command in leaves {
            let help = try kyosei.run(command + ["--help"])
            #expect(help.status == 0, "\(command)")
            #expect(help.stdout.contains("Example"), "\(command) --help has no example")
        }
        #expect(try kyosei.run("--help").stdout.contains("Exit codes"))
    }
}

@Suite struct CaseCommandTests {
    @Test func aDayAtTheQueue() throws {
        let kyosei = try KyoseiBinary()
        try kyosei.run("init")
        try kyosei.run("staff", "add", "tanaka", "--role", "caseworker", "--team", "counter")
        try kyosei.run("resident", "add", "--name", "SILVA ANA", "--born", "1990-01-01", "--sex", "2", "--nationality", "BR",
                       "--stay-expiry", "2026-12-01", "--status", "LONG_TERM")
        let opened = try kyosei.run("case", "open", "--person", "K1", "--title", "Help with NHI forms", "--priority", "high", "--json")
        #expect(opened.status == 0, "\(opened.stderr)")
        let queue = try kyosei.run("case", "list", "--json")
        let cases = try JSONSerialization.jsonObject(with: Data(queue.stdout.utf8)) as? [[String: Any]] ?? []
        #expect(cases.first?["title"] as? String == "Help with NHI forms")
        #expect(cases.first?["priority"] as? String == "high")
        #expect(cases.first?["id"] as? Int == 1)
        #expect(cases.first?["overdue"] as? Bool == false)
        #expect(try kyosei.run("case", "assign", "1", "tanaka").status == 0)
        #expect(try kyosei.run("case", "note", "1", "Phoned; comes Thursday").status == 0)
        #expect(try kyosei.run("case", "move", "1", "--to", "waiting").status == 0)
        let badMove = try kyosei.run("case", "move", "1", "--to", "OPEN")
        #expect(badMove.status == 1)
        #expect(badMove.stderr.contains("reopen"))
        #expect(try kyosei.run("case", "resolve", "1", "--outcome", "settled").status == 0)
        let shown = try kyosei.run("case", "show", "1")
        #expect(shown.stdout.contains("Phoned; comes Thursday"))
        #expect(shown.stdout.contains("RESOLVED (SETTLED)"))
        #expect(try kyosei.run("case", "resolve", "1", "--outcome", "whatever").status == 1)
        let stats = try kyosei.run("case", "stats", "--json")
        #expect(stats.stdout.contains("\"open\" : 0"))
        #expect(try kyosei.run("case", "show", "99").status == 1)
    }
}

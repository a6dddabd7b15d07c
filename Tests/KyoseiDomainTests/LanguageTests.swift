import KyoseiDomain
import Testing

@Suite struct CourseCompletionTests {
    @Test(arguments: [
        (attended: 19, sessions: 24, complete: false),  // 79.17%
        (attended: 20, sessions: 25, complete: true),   // exactly 80%
        (attended: 79, sessions: 99, complete: false),  // 79.80%
        (attended: 80, sessions: 100, complete: true),
        (attended: 4, sessions: 5, complete: true),
        (attended: 3, sessions: 4, complete: false),    // 75%
        (attended: 0, sessions: 0, complete: false),    // nothing to attend
    ])
    func eightyPercentIsTheEdge(attended: Int, sessions: Int, complete: Bool) throws {
        #expect(try CourseCompletion(percent: 80).isComplete(attended: attended, sessions: sessions) == complete)
    }

    @Test func theShareIsAWholePercentFromOneToAHundred() throws {
        #expect(throws: ValidationError.self) { try CourseCompletion(percent: 0) }
        #expect(throws: ValidationError.self) { try CourseCompletion(percent: 101) }
        #expect(try CourseCompletion(percent: 100).isComplete(attended: 9, sessions: 10) == false)
    }
}

@Suite struct LanguageCodeTests {
    @Test func levelsAreOrderedA1ToC2() throws {
        #expect(LanguageLevel.allCases.map(\.rawValue) == ["A1", "A2", "B1", "B2", "C1", "C2"])
        #expect(LanguageLevel.a1 < .a2 && LanguageLevel.b2 < .c1)
        #expect(try LanguageLevel(option: "b1") == .b1)
        #expect(throws: ValidationError.self) { try LanguageLevel(option: "D1") }
    }

    @Test func kindsTakeTheirCommandLineSpelling() throws {
        #expect(try CourseKind(option: "pre-school") == .preSchool)
        #expect(try CourseKind(option: "DAILY_LIFE") == .dailyLife)
        #expect(throws: ValidationError.self) { try CourseKind(option: "cooking") }
    }

    @Test func gradeOneNextAprilFollowsTheLegalCohortBoundary() throws {
        let today = try LocalDate("2026-11-18")
        func inGroup(_ born: String) throws -> Bool {
            WaitlistGroup.gradeOneNextApril.contains(birthDate: try LocalDate(born), residentSince: nil, on: today, newcomerWindowDays: 180)
        }
        #expect(try inGroup("2020-04-02"))
        #expect(try inGroup("2021-04-01"))
        #expect(try !inGroup("2020-04-01"))
        #expect(try !inGroup("2021-04-02"))
    }

    @Test func aNewcomerMovedInWithinTheWindow() throws {
        let today = try LocalDate("2026-11-18")
        func newcomer(_ since: String?) throws -> Bool {
            WaitlistGroup.newcomer.contains(birthDate: try LocalDate("1990-01-01"), residentSince: try since.map { try LocalDate($0) },
                                            on: today, newcomerWindowDays: 30)
        }
        #expect(try newcomer("2026-10-19"))
        #expect(try !newcomer("2026-10-18"))
        #expect(try !newcomer(nil))
    }
}

import ArgumentParser
import Foundation
import GRDB
import KyoseiDomain
import KyoseiReports
import KyoseiSampleData
import KyoseiServices
import Logging

#if canImport(Glibc)
import Glibc
#endif

/// Issue 10's benchmark on a fresh database: courses created and scheduled, every enrollment
/// through the seat service (one audited IMMEDIATE transaction each, its latency measured), an
/// attendance file per course imported through the intake pipeline, then the language report.
struct LanguageCourses: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "language",
        abstract: "Enroll latency, attendance import rate and the time of `report language`.")

    @Option(help: "A database file to create (it must not exist; the OS login becomes its founder).") var db: String
    @Option(help: "Residents to seed.") var people = 60_000
    @Option(help: "Courses.") var courses = 1_000
    @Option(help: "Requests for a seat per course; the last two of each wait.") var perCourse = 50
    @Option(help: "Sessions per course.") var sessions = 21
    @Option(help: "Folder for the attendance files.") var out: String

    /// The bench's courses run through FY2026 and a course that has ended takes nobody, so the
    /// enrollments are made on the day the first course starts, whatever day the bench runs.
    static let termStart = KyoseiClock.fixed(Date(timeIntervalSince1970: 1_775_433_600))

    func run() async throws {
        guard !FileManager.default.fileExists(atPath: db) else { throw ValidationError("\(db) exists; give a new file.") }
        let login = String(cString: getpwuid(geteuid())!.pointee.pw_name)
        let context = try Startup.initialize(databasePath: db, settings: Settings(municipalityCode: SampleCity.hamamatsu),
                                             founder: login, displayName: "Bench", clock: Self.termStart, logger: Logger(label: "bench"))
        let staff = try context.staffMember(login: login)
        try await seedResidents(context)

        let kinds = CourseKind.allCases, levels = LanguageLevel.allCases
        var start = Date()
        var courseIDs: [Int64] = []
        for i in 0..<courses {
            let starts = try LocalDate("2026-04-06").adding(days: 7 * (i % 26))
            let draft = try CourseDraft(kind: kinds[i % kinds.count], level: levels[i % levels.count], title: nil,
                                        startsOn: starts, endsOn: starts.adding(days: 7 * (sessions - 1)), capacity: perCourse - 2)
            let id = try CourseService(context: context).create(draft, by: staff).id
            _ = try CourseService(context: context).schedule(id, dates: [], weekly: true, startsAt: "18:30", by: staff)
            courseIDs.append(id)
        }
        print(String(format: "%d courses created and scheduled (%d sessions each) in %.1f s", courses, sessions, Date().timeIntervalSince(start)))

        let seats = SeatService(context: context)
        var latencies: [Double] = []
        latencies.reserveCapacity(courses * perCourse)
        start = Date()
        for (c, course) in courseIDs.enumerated() {
            for k in 0..<perCourse {
                let resident = Int64(1 + (c * perCourse + k * 7919) % people)
                let t = Date()
                _ = try seats.enroll(.kyosei(resident), in: course, by: staff)
                latencies.append(Date().timeIntervalSince(t))
            }
        }
        let enrollSeconds = Date().timeIntervalSince(start)
        latencies.sort()
        print(String(format: "%d enrollments in %.1f s: median %.2f ms, p95 %.2f ms, max %.2f ms", latencies.count, enrollSeconds,
                     latencies[latencies.count / 2] * 1000, latencies[latencies.count * 95 / 100] * 1000, latencies.last! * 1000))

        let folder = URL(fileURLWithPath: out)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var marks = 0, importSeconds = 0.0
        for course in courseIDs {
            let seated = try CourseService(context: context).show(course, by: staff).enrolled
            var csv = "session,person,present\n"
            for session in 1...sessions {
                for (p, person) in seated.enumerated() { csv += "\(session),\(person),\((session * 31 + p * 17) % 100 < 85 ? "Y" : "N")\n" }
            }
            let file = folder.appendingPathComponent("attendance-\(course).csv")
            try Data(csv.utf8).write(to: file)
            let t = Date()
            let outcome = try FileImport(context: context).apply(file.path, as: .attendance(course: course), by: staff)
            importSeconds += Date().timeIntervalSince(t)
            marks += outcome.applied
        }
        print(String(format: "%d attendance marks from %d files in %.1f s = %.0f marks/s", marks, courseIDs.count, importSeconds,
                     Double(marks) / importSeconds))

        try await context.database.writer.write { db in
            let insert = try db.makeStatement(sql: """
                INSERT INTO language_assessment(resident_id, course_id, kind, level, assessed_on, recorded_by)
                SELECT resident_id, course_id, ?, ?, '2026-04-01', 'bench' FROM course_seat WHERE state = 'ENROLLED' AND resident_id % 5 = ?
                """)
            for (remainder, placement, exit) in [(0, "A1", "A2"), (1, "A1", "A1"), (2, "A2", "B1"), (3, "B1", "B1")] {
                try insert.execute(arguments: ["PLACEMENT", placement, remainder])
                try insert.execute(arguments: ["EXIT", exit, remainder])
            }
        }
        try context.database.optimize()
        for dimension in LanguageDimension.allCases {
            let t = Date()
            let groups = try LanguageReportService(context: context).figures(period: try ReportPeriod("FY2026"), by: dimension, staff: staff)
            let table = LanguageTable.build(title: "bench", groupedBy: dimension.rawValue, groups: groups, minimum: 5, completionPercent: 80)
            let seconds = Date().timeIntervalSince(t)
            let total = groups.values.reduce(LanguageCounts()) { sum, g in
                var s = sum
                s.enrolled += g.enrolled
                s.completed += g.completed
                s.waiting += g.waiting
                return s
            }
            print(String(format: "report language --by %@ (%d rows): %.2f s; %d enrolled, %d completed, %d waiting", dimension.rawValue,
                         table.rows.count, seconds, total.enrolled, total.completed, total.waiting))
        }
    }

    /// Residents written straight into the table: the seat service, not resident registration, is measured.
    private func seedResidents(_ context: ServiceContext) async throws {
        let nationalities = ["BR", "VN", "PH", "CN", "PE", "ID", "NP", "KR"]
        try await context.database.writer.write { db in
            let insert = try db.makeStatement(sql: """
                INSERT INTO resident(id, register_state, name_latin, birth_date, sex, nationality, resident_since, created_at, updated_at)
                VALUES (?, 'REGISTERED', 'BENCH PERSON', ?, '1', ?, '2020-01-01', '2026-01-01', '2026-01-01')
                """)
            for id in 1...people {
                try insert.execute(arguments: [id, "19\(60 + id % 40)-0\(1 + id % 9)-1\(id % 9)", nationalities[id % nationalities.count]])
            }
        }
    }
}

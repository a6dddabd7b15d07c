import ArgumentParser

struct CourseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "course",
        abstract: "Japanese-language and orientation courses: schedules, seats and waitlists, attendance, results.",
        discussion: """
            A person is given as K<number>, an 11-digit person id or a residence card number. Output
            for programs (--json) names people by their 11-digit register person id, or K<number> for
            someone the register does not show; both are accepted back as PERSON.
            """,
        subcommands: [CourseCreate.self, CourseList.self, CourseShow.self, CourseSchedule.self, CourseEnroll.self,
                      CourseWithdraw.self, CourseTransfer.self, CourseAttend.self, CourseResults.self])
}

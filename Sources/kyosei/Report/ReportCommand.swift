import ArgumentParser

struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "Aggregate reports that leave the city: no person in them, small cells withheld.",
        subcommands: [ReportCoverage.self, ReportEmployment.self, ReportSchooling.self, ReportPopulation.self, ReportAlliance.self,
                      ReportLanguage.self])
}

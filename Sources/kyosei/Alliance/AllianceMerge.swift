import ArgumentParser
import Foundation
import KyoseiDomain
import KyoseiReports
import KyoseiServices

struct AllianceMerge: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Add several cities' Alliance files into Alliance-level tables, suppressed again.",
        discussion: """
            Refuses files of different schema versions or periods, and a city sent twice (exit 3). \
            A figure a city withheld makes every sum built from it withheld too.
            Example:
              kyosei alliance merge hamamatsu.json toyohashi.json ota.json --out alliance-FY2026.json
            """)
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The cities' files, from kyosei report alliance.") var files: [String]
    @Option(help: "The file to write.") var out: String

    func run() async throws {
        let inputs = try files.map { path in
            let name = URL(fileURLWithPath: path).lastPathComponent
            guard let data = FileManager.default.contents(atPath: path) else {
                throw ServiceError.dataRefused("\(name) cannot be read.")
            }
            // The version first: a file of another version is refused as such, not as unreadable.
            struct Version: Decodable { var schema_version: Int }
            if let version = try? JSONDecoder().decode(Version.self, from: data).schema_version,
               version != AllianceFile.currentSchemaVersion {
                throw ServiceError.dataRefused(
                    "\(name) has schema version \(version) but this Kyosei merges version \(AllianceFile.currentSchemaVersion).")
            }
            do {
                return (name: name, file: try JSONDecoder().decode(AllianceFile.self, from: data))
            } catch {
                throw ServiceError.dataRefused("\(name) is not an Alliance file.")
            }
        }
        let environment = try await CommandEnvironment.load(global)
        let (context, staff) = try environment.session()
        let merged = try AllianceService(context: context).merge(inputs, staff: staff)
        try OutputFile(out, mode: context.settings.privateFileMode).write(try AllianceJSON.encoder.encode(merged))
        print("Merged \(inputs.count) cities' \(merged.period) files into \(out).")
    }
}

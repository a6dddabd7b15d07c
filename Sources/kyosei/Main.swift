import ArgumentParser
import Foundation
import KyoseiDomain
import KyoseiServices

/// Runs the command and turns every failure into one plain sentence on stderr and one of the
/// documented exit codes: 0 success, 1 usage or validation, 2 refused, 3 data refused, 4 internal.
@main
enum Main {
    static func main() async {
        var command: any ParsableCommand
        do {
            command = try KyoseiCommand.parseAsRoot()
        } catch {
            if KyoseiCommand.exitCode(for: error) == .success {
                print(KyoseiCommand.fullMessage(for: error))
                exit(0)
            }
            fail(KyoseiCommand.fullMessage(for: error), code: 1)
        }
        do {
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let error as ServiceError {
            fail(error.description, code: error.exitCode)
        } catch let error as KyoseiDomain.ValidationError {
            fail(ServiceError.invalid(error).description, code: 1)
        } catch let error as ExitCode {
            exit(error.rawValue)
        } catch {
            // Help, and argument errors found after parsing, come back from ArgumentParser here.
            switch KyoseiCommand.exitCode(for: error) {
            case .success:
                print(KyoseiCommand.fullMessage(for: error))
                exit(0)
            case .validationFailure:
                fail(KyoseiCommand.fullMessage(for: error), code: 1)
            default:
                fail("Internal error: \(error)", code: 4)
            }
        }
    }

    static func fail(_ message: String, code: Int32) -> Never {
        FileHandle.standardError.write(Data(("error: " + message + "\n").utf8))
        exit(code)
    }
}

struct KyoseiCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kyosei",
        abstract: "Case management for a city's foreign residents.",
        discussion: """
            Exit codes: 0 success, 1 usage or validation error, 2 refused (permission), \
            3 data refused (a file), 4 internal error.
            The database is --db, else KYOSEI_DB, else database.path in the configuration, else ./kyosei.sqlite.
            Commands reach the data through the server (`kyosei serve`) on its Unix socket: --server, else \
            KYOSEI_SERVER, else server.socket, else <db>.sock. The account that owns the database works \
            without a server, through the same API in-process.
            """,
        subcommands: [
            InitCommand.self, DemoCommand.self, ResidentCommand.self, HouseholdCommand.self, StaffCommand.self,
            SyncCommand.self, RejectsCommand.self, ImportCommand.self, CoverageCommand.self, EmploymentCommand.self,
            EmployerCommand.self, SchoolCommand.self, CaseCommand.self, ReviewCommand.self, RulesCommand.self, ReportCommand.self,
            AllianceCommand.self, AuditCommand.self, CourseCommand.self, PersonCommand.self,
            ConfigCommand.self, BackupCommand.self, RestoreCommand.self, DoctorCommand.self,
            NightlyCommand.self, ServeCommand.self,
        ]
    )
}

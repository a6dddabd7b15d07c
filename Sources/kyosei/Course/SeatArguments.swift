import ArgumentParser
import KyoseiServices

/// COURSE PERSON, as every command about one person's seat takes them, with the usual options.
struct SeatArguments: ParsableArguments {
    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "The course number.") var course: Int64
    @Argument(help: "K<number>, 11-digit person id or residence card number.") var person: String

    /// The person named, the service context and the member of staff running the command.
    func session() async throws -> (ResidentRef, ServiceContext, StaffMember) {
        let ref = try ResidentRef(person)
        let (context, staff) = try await CommandEnvironment.load(global).session()
        return (ref, context, staff)
    }
}

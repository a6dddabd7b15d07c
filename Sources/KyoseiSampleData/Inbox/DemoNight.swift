import KyoseiDomain

/// The files `SampleCity.writeDemoNight` put in the inbox for one night, and what the night
/// is meant to show.
public struct DemoNight: Sendable {
    public let number: Int
    /// The night runs in the small hours of this day.
    public let date: LocalDate
    public let story: String
    /// `<kind>/<file name>` of every file written.
    public let files: [String]
}

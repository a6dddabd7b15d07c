import KyoseiDomain

/// One row of a delta: the person's full record as it stands after the event.
struct DeltaRow: Sendable {
    var resident: SampleResident
    let event: RegisterEvent
    let date: LocalDate
}

import Foundation

extension SampleCity {
    /// Writes `count` nightly deltas after the first snapshot, sequences `firstSequence`…,
    /// each with every event type (RETURN from the second delta on, once someone has left).
    /// Delta *n* is as of `deltaDate(n)`.
    @discardableResult
    public func writeDeltas(to directory: URL, count: Int, firstSequence: Int = 2, eventsPerType: Int = 3,
                            options: RegisterFileOptions = RegisterFileOptions()) throws -> [WrittenRegisterFile] {
        guard count > 0 else { return [] }
        return try (1...count).map { number in
            try writeDelta(number: number, to: directory, sequence: firstSequence + number - 1,
                           eventsPerType: eventsPerType, options: options)
        }
    }

    /// Writes the `number`-th delta after the first snapshot as `sequence`. The same arguments
    /// always write the same bytes, which is how a replayed file is made.
    @discardableResult
    public func writeDelta(number: Int, to directory: URL, sequence: Int, eventsPerType: Int = 3,
                           options: RegisterFileOptions = RegisterFileOptions()) throws -> WrittenRegisterFile {
        try deltaFile(number: number, variant: 0, to: directory, sequence: sequence, eventsPerType: eventsPerType,
                      options: options).finish()
    }

    func deltaFile(number: Int, variant: UInt64, to directory: URL, sequence: Int, eventsPerType: Int,
                   options: RegisterFileOptions) throws -> RegisterFileBuilder.Result {
        let rows = DeltaPlanner(city: self, eventsPerType: eventsPerType).rows(ofDelta: number, variant: variant)
        let builder = RegisterFileBuilder(
            municipality: municipality, directory: directory, kind: .delta, sequence: sequence,
            asOf: deltaDate(number), options: options, expectedRows: rows.count)
        return try builder.write { emit in
            for row in rows { try emit(row.resident, row.event, row.date) }
        }
    }
}

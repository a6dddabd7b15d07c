/// What the pipeline yields for each data record: a typed row, or a reject with every reason.
public enum IntakeItem<Row: Sendable>: Sendable {
    case row(Row, line: Int)
    case reject(Reject)
}

extension IntakeItem: Equatable where Row: Equatable {}

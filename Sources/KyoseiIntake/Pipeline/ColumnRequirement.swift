/// Whether a column's value may be empty. The pipeline enforces `required` for every kind;
/// a `conditional` column is checked by its kind, and the text says when, for documentation
/// and help output.
public enum ColumnRequirement: Sendable, Equatable {
    case required
    case optional
    case conditional(String)
}

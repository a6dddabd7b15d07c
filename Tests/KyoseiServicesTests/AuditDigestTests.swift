@testable import KyoseiServices
import Testing

/// The digest that names a large set of residents in an audit entry is part of every entry
/// already written: `audit verify` recomputes it from `audit_subject`, so it must never change.
/// The expected values were computed apart from Kyosei, with Python's `hashlib`, as
/// `sha256("".join(f"K{id}," for id in ids))`.
@Suite struct AuditDigestTests {
    @Test func digestIsSHA256OfTheIdsAsWritten() {
        #expect(AuditWriter.digest([7, 42, 1_000_000, Int64.max])
            == "c22dfcc5cef1d43f72226b01b9c55013e4cef6c3ead6370ca9c094a6886bad1d")
        // Longer than the buffer it is fed through, so the chunks' seams are covered.
        #expect(AuditWriter.digest(Array(1...100_000))
            == "28ad3be1178aba92c9db038f691a8f80e4ef6d3ee49653918ec72d03addb5f5c")
    }

    @Test func entriesNameFewResidentsAndDigestMany() {
        #expect(AuditWriter.recordIDsText([3, 1, 3]) == "K1,K3")
        #expect(AuditWriter.recordIDsText(Array((1...100_000).reversed()))
            == "100000 residents sha256:28ad3be1178aba92c9db038f691a8f80e4ef6d3ee49653918ec72d03addb5f5c")
    }
}

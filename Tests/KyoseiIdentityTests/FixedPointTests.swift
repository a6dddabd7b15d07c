import Foundation
import KyoseiIdentity
import PropertyBased
import Testing

/// A report's weights and scores read as `String(format:)` wrote them before it was replaced
/// for speed.
@Suite struct FixedPointTests {
    @Test func weightsReadAsPrintfWritesThem() async {
        // Thousandths, away from the ties the two may round differently.
        await propertyCheck(input: Gen.int(in: -200_000...200_000), Gen.int(in: 1...4)) { thousandths, places in
            let x = (Double(thousandths) + 0.3) / 1000
            #expect(FixedPoint.text(x, places: places) == String(format: "%.\(places)f", x))
            #expect(FixedPoint.signed(x, places: 1) == (x >= 0 ? "+" : "") + String(format: "%.1f", x))
            var bytes: [UInt8] = Array("w ".utf8)
            FixedPoint.append(x, places: places, signed: true, to: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == "w " + (x >= 0 ? "+" : "") + String(format: "%.\(places)f", x))
        }
    }

    @Test func edgesReadAsPrintfWritesThem() {
        for x in [0.0, -0.0, 0.04, -0.04, 0.25, -1.25, 10, -20, 1e11, -.infinity, .nan] {
            for places in 0...2 {
                #expect(FixedPoint.text(x, places: places) == String(format: "%.\(places)f", x), "\(x) to \(places)")
                var bytes: [UInt8] = []
                FixedPoint.append(x, places: places, signed: true, to: &bytes)
                #expect(String(decoding: bytes, as: UTF8.self) == FixedPoint.signed(x, places: places), "\(x) to \(places)")
            }
        }
    }
}

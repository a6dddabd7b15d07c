/// Stands in for swift-crypto in the fuzz build, which compiles the intake sources with
/// swiftc alone (no BoringSSL). The fuzzer checks reading and validation, not hashing: the
/// entry builds each manifest from this same hash, so it only has to be a function of the bytes.
public struct SHA256 {
    private var lanes: [UInt64] = [0xcbf2_9ce4_8422_2325, 0x8422_2325_cbf2_9ce4, 0x9ce4_8422_2325_cbf2, 0x2325_cbf2_9ce4_8422]

    public init() {}

    public mutating func update(data: [UInt8]) {
        for byte in data {
            for lane in lanes.indices {
                lanes[lane] = (lanes[lane] ^ UInt64(byte)) &* (0x100_0000_01b3 &+ UInt64(lane) &* 2)
            }
        }
    }

    public func finalize() -> [UInt8] {
        lanes.flatMap { lane in (0..<8).map { UInt8(truncatingIfNeeded: lane >> ($0 * 8)) } }
    }
}

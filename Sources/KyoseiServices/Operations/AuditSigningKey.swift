import Crypto
import Foundation
import KyoseiDomain
import KyoseiStore

/// Ed25519 keys for signing the audit head, so that a head written to a log cannot be forged
/// by someone who can rewrite the database and the log but does not hold the private key.
/// Keys are files of 32 raw bytes or their base64; a private key must be readable by its owner only.
public enum AuditSigningKey {
    /// What is signed: the municipality and the head, so a signature fits one city's chain.
    public static func message(_ anchor: AuditAnchor, municipality: MunicipalityCode) -> Data {
        Data("kyosei audit head \(municipality) \(anchor)".utf8)
    }

    public static func sign(_ anchor: AuditAnchor, municipality: MunicipalityCode, keyFile: String) throws -> String {
        let key = try privateKey(keyFile)
        return try key.signature(for: message(anchor, municipality: municipality)).base64EncodedString()
    }

    /// Whether `signature` is the holder's of `publicKey` (the key's 32 bytes, raw or as the
    /// base64 `audit keygen` writes), checked wherever the key came from (a file, a request).
    public static func isValid(_ signature: String, for anchor: AuditAnchor, municipality: MunicipalityCode, publicKey: Data) throws -> Bool {
        let key: Curve25519.Signing.PublicKey
        do {
            key = try Curve25519.Signing.PublicKey(rawRepresentation: try keyBytes(publicKey, name: "The public key"))
        } catch let error as ServiceError {
            throw error
        } catch {
            throw ServiceError.usage("The public key is not an Ed25519 public key.")
        }
        guard let bytes = Data(base64Encoded: signature) else { return false }
        return key.isValidSignature(bytes, for: message(anchor, municipality: municipality))
    }

    /// Writes a new private key to `path` (owner-only) and its public key to `path.pub`.
    public static func generate(at path: String) throws -> String {
        let publicPath = path + ".pub"
        for existing in [path, publicPath] where FileManager.default.fileExists(atPath: existing) {
            throw ServiceError.usage("\(existing) already exists; name a new file for the key.")
        }
        let key = Curve25519.Signing.PrivateKey()
        do {
            let file = try PrivateFileMode.ownerOnly.createForWriting(path)
            try file.write(contentsOf: Data((key.rawRepresentation.base64EncodedString() + "\n").utf8))
            try file.close()
            try Data((key.publicKey.rawRepresentation.base64EncodedString() + "\n").utf8).write(to: URL(fileURLWithPath: publicPath))
        } catch let error as PrivateFileError {
            throw ServiceError.internalFailure(error.description)
        }
        return publicPath
    }

    static func privateKey(_ path: String) throws -> Curve25519.Signing.PrivateKey {
        if let mode = PrivateFileMode.mode(of: path), mode & 0o077 != 0 {
            throw ServiceError.refused("The signing key \(path) may be read by others (mode \(String(mode, radix: 8))); run `chmod 600 \(path)`.")
        }
        do {
            return try Curve25519.Signing.PrivateKey(rawRepresentation: try keyBytes(path))
        } catch let error as ServiceError {
            throw error
        } catch {
            throw ServiceError.usage("\(path) does not hold an Ed25519 private key.")
        }
    }

    /// The 32 key bytes of a file holding them raw or as base64.
    private static func keyBytes(_ path: String) throws -> Data {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ServiceError.usage("The key file \(path) cannot be read.")
        }
        return try keyBytes(data, name: "The key file \(path)")
    }

    private static func keyBytes(_ data: Data, name: String) throws -> Data {
        if data.count == 32 { return data }
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard let decoded = Data(base64Encoded: text), decoded.count == 32 else {
            throw ServiceError.usage("\(name) must hold 32 bytes, raw or as base64.")
        }
        return decoded
    }
}

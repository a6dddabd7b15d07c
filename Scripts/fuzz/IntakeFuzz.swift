import Foundation
import KyoseiDomain
import KyoseiIntake

/// libFuzzer's entry: every input is one file given to the intake pipeline. Byte 0 picks the
/// file kind, byte 1 how it is read (encoding override, chunk size, record limit), the rest is
/// the file. A refusal (`IntakeError`) is a correct answer; a crash, a sanitizer report or a
/// hang (libFuzzer's -timeout) is a bug. Built only by `Scripts/fuzz-intake.sh`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzIntake(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = Array(UnsafeBufferPointer(start: data, count: size))
    guard input.count >= 2 else { return 0 }
    IntakeFuzz.run(kind: input[0], reading: input[1], file: Array(input[2...]))
    return 0
}

enum IntakeFuzz {
    static let folder: String = {
        let path = NSTemporaryDirectory() + "kyosei-fuzz-\(getpid())"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }()

    static func run(kind: UInt8, reading: UInt8, file: [UInt8]) {
        let encodings: [TextEncoding?] = [nil, .utf8, .cp932, nil]
        let chunk = Int(reading & 0x1F)
        let options = IntakeOptions(
            encoding: encodings[Int(reading >> 6)],
            chunkSize: chunk == 0 ? IntakeOptions.defaultChunkSize : chunk,
            maxRecordBytes: reading & 0x20 == 0 ? IntakeOptions.defaultMaxRecordBytes : 64)
        switch kind % 7 {
        case 0, 1:
            let path = write(file, as: "REG-221309-000001.csv")
            guard let scan = try? FileScan.scan(path: path, encoding: options.encoding),
                  let manifest = try? RegisterManifest(
                      municipalityCode: MunicipalityCode("221309"), kind: kind % 7 == 0 ? .snapshot : .delta, sequence: 1,
                      asOf: "2026-11-01T03:00:00+09:00", rowCount: max(0, file.count { $0 == 0x0A } - 1), sha256: scan.sha256)
            else { return }
            drain(path, RegisterKind(manifest: manifest), options, bytes: file.count)
        case 2:
            drain(write(file, as: "INS-EHI-KENPO-20261101.csv"), InsuranceRosterKind(scheme: .ehi), options, bytes: file.count)
        case 3:
            drain(write(file, as: "INS-NHI-CITY-20261101.csv"), InsuranceRosterKind(scheme: .nhi), options, bytes: file.count)
        case 4:
            drain(write(file, as: "EMP-20261101.csv"), EmploymentReportKind(), options, bytes: file.count)
        default:
            drain(write(file, as: "SCH-2026-T2.csv"), SchoolRosterKind(term: .t2), options, bytes: file.count)
        }
    }

    static func write(_ bytes: [UInt8], as name: String) -> String {
        let path = folder + "/" + name
        let written = FileManager.default.createFile(atPath: path, contents: Data(bytes))
        precondition(written, "cannot write \(path)")
        return path
    }

    /// Reads every record, and re-judges each reject as staff re-submit one corrected. A reader
    /// yields at most one record per byte (plus one), so more than that means it stopped consuming.
    static func drain<Kind: FileKind>(_ path: String, _ kind: Kind, _ options: IntakeOptions, bytes: Int) {
        do {
            let reader = try IntakeReader(path: path, kind: kind, options: options)
            var records = 0
            while let item = try reader.next() {
                records += 1
                precondition(records <= bytes + 1, "the reader yielded \(records) records from \(bytes) bytes")
                if case .reject(let reject) = item {
                    _ = try? IntakeReader.revalidate(
                        recordText: reject.recordText, header: reader.header, kind: kind, fileName: reader.fileName, line: reject.line)
                }
            }
        } catch {
            return
        }
    }
}

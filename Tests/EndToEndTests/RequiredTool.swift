import Foundation
import Testing

/// A tool a test needs that the machine may lack (chromium, SciPy). On a developer's machine
/// the test is skipped with a note; on CI (`CI` set) it runs and fails, so a missing tool can
/// never turn the browser or the attack test into a silent pass.
enum RequiredTool {
    static let onCI = !(ProcessInfo.processInfo.environment["CI"] ?? "").isEmpty

    static func enabled(_ available: Bool, _ comment: Comment) -> ConditionTrait {
        .enabled(if: available || onCI, comment)
    }
}

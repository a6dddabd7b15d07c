import Foundation

/// A real browser run headless, to see a page as the people it is sent to will: Debian's
/// `chromium` (which `Scripts/test.sh` installs), or Chrome where that is what is installed.
struct HeadlessBrowser {
    let executable: URL

    /// The first browser on the PATH, if any.
    static let installed: HeadlessBrowser? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for name in ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"] {
            for folder in path.split(separator: ":") {
                let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent(name)
                if FileManager.default.isExecutableFile(atPath: candidate.path) { return HeadlessBrowser(executable: candidate) }
            }
        }
        return nil
    }()

    /// The document as the browser built it from the file, serialised back to HTML.
    func dom(of page: URL, in kyosei: KyoseiBinary) throws -> String {
        try run([page.path], flags: ["--dump-dom"], in: kyosei).stdout
    }

    /// A PNG of the page as it shows in a window of the given size.
    func screenshot(of page: URL, to png: URL, width: Int, height: Int, in kyosei: KyoseiBinary) throws {
        try run([page.path], flags: ["--screenshot=\(png.path)", "--window-size=\(width),\(height)", "--hide-scrollbars"], in: kyosei)
    }

    /// Root in a container needs `--no-sandbox`; a profile of its own lets tests run side by side;
    /// `timeout` ends a browser that hangs instead of the test run.
    @discardableResult
    private func run(_ arguments: [String], flags: [String], in kyosei: KyoseiBinary) throws -> KyoseiBinary.Result {
        let profile = kyosei.folder.appendingPathComponent("browser-profile-\(UUID().uuidString)")
        let common = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                      "--user-data-dir=\(profile.path)"]
        return try kyosei.run(executable: URL(fileURLWithPath: "/usr/bin/timeout"),
                              ["120", executable.path] + common + flags + arguments, environment: kyosei.environment)
    }
}

import KyoseiStore

extension IntakeFileRecord.Kind {
    /// Every kind of file the city receives, in the order `doctor` reports them.
    static let allKinds: [IntakeFileRecord.Kind] = [.register, .insurance, .school, .employment]
}

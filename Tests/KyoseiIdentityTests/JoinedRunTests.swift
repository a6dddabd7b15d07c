import Testing

/// Parts a partner runs together with no separator, where the run holds a surname with its
/// particle (ダホザリマ for DA ROSA LIMA) or four given names: each is aligned with the parts
/// the register keeps apart. Found missing on the independent city (`Scripts/identity-city`).
@Suite struct JoinedRunTests {
    @Test(arguments: [
        NamedExampleTests.Example(kana: "ダホザリマ ベニシオ", latin: "DA ROSA LIMA BENICIO", nationality: "BR"),
        NamedExampleTests.Example(kana: "リマダホザ・ライス", latin: "LIMA DA ROSA LAIS", nationality: "BR"),
        NamedExampleTests.Example(kana: "ソウザ ジョアンペドロダビルカ", latin: "SOUZA JOAO PEDRO DAVI LUCCA", nationality: "BR"),
    ]) func aRunIsAlignedWithTheSeparateParts(_ example: NamedExampleTests.Example) throws {
        try NamedExampleTests.expectMatched(example)
    }
}

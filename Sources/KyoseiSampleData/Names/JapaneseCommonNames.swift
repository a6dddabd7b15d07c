/// Japanese-style registered common names (tsūshō): Special Permanent Residents have carried
/// them for generations, nikkei families and spouses of Japanese nationals often register one.
/// Kanji only: the register keeps the common name as written.
enum JapaneseCommonNames {
    static let surnames = """
    金田 金本 新井 松本 山本 木村 安田 岩本 高山 平山 林 国本 松田 大山 吉田 宮本 佐藤 鈴木 田中 中村 山田
    """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)

    static let male = "一郎 英夫 正男 健一 浩二 大輔 翔太 隆 誠 聡 勝 和也".split(separator: " ").map(String.init)

    static let female = "花子 良子 和子 美智子 恵子 由美 陽子 真由美 明美 裕子 順子 幸子".split(separator: " ").map(String.init)
}

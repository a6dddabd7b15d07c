/// Full-width to half-width katakana (`シルバ` → `ｼﾙﾊﾞ`), as older partner systems (pension,
/// health-insurance societies) still store names. Voiced and semi-voiced kana become two
/// characters, the base and the mark, which is why a half-width name is longer than it looks.
enum HalfWidthKatakana {
    static func convert(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            if let half = table[character] {
                out += half
            } else {
                out.append(character)
            }
        }
        return out
    }

    private static let table: [Character: String] = {
        let full = Array("アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲンァィゥェォャュョッー・")
        let half = Array("ｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓﾔﾕﾖﾗﾘﾙﾚﾛﾜｦﾝｧｨｩｪｫｬｭｮｯｰ･")
        var table: [Character: String] = [:]
        for (f, h) in zip(full, half) { table[f] = String(h) }
        let voiced = Array("ガギグゲゴザジズゼゾダヂヅデドバビブベボ")
        let voicedBase = Array("ｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾊﾋﾌﾍﾎ")
        for (f, h) in zip(voiced, voicedBase) { table[f] = "\(h)ﾞ" }
        for (f, h) in zip(Array("パピプペポ"), Array("ﾊﾋﾌﾍﾎ")) { table[f] = "\(h)ﾟ" }
        table["ヴ"] = "ｳﾞ"
        table["　"] = " "
        return table
    }()
}

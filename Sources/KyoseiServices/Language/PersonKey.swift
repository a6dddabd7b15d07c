/// How the course commands name a person to programs: the register's 11-digit person id when
/// the resident has one (what outside systems know), else Kyosei's `K<number>`. Both are read
/// back by `ResidentRef`, so what `course show` prints, `course enroll` accepts.
enum PersonKey {
    static func of(personID: String?, id: Int64) -> String { personID ?? "K\(id)" }
}

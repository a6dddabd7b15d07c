import KyoseiDomain
import KyoseiServices
import Testing

@Suite struct PopulationServiceTests {
    @Test func countsTheRegisteredPopulationByEachCut() throws {
        let city = try TestCity()
        for name in ["ANA", "BEA", "CAU", "DIO", "EVA", "FLA"] { try city.add("SILVA \(name)", born: "1985-04-02") }
        try city.add("NGUYEN A", born: "2015-01-01", nationality: "VN")
        try city.add("NGUYEN B", born: "1960-01-01", nationality: "VN")
        try city.add("QUISPE C", nationality: "PE")
        try city.sqlite("UPDATE resident SET register_state = 'REGISTERED', district_code = 'D1' WHERE nationality <> 'PE'")
        try city.sqlite("UPDATE resident SET register_state = 'MOVED_OUT' WHERE name_latin = 'SILVA ANA'")
        try city.sqlite("UPDATE resident SET resident_since = '2099-01-01' WHERE name_latin = 'SILVA BEA'")
        let analyst = try city.member("ana", .analyst)
        let service = PopulationService(context: city.context)
        let asOf = try LocalDate("2026-11-01")
        #expect(try service.figures(asOf: asOf, by: .nationality, staff: analyst) == ["BR": 4, "VN": 2])
        #expect(try service.figures(asOf: asOf, by: .district, staff: analyst) == ["D1": 6])
        #expect(try service.figures(asOf: asOf, by: .registerState, staff: analyst) == ["REGISTERED": 6, "MOVED_OUT": 1])
        #expect(try service.figures(asOf: asOf, by: .ageBand, staff: analyst) == ["40-59": 4, "00-14": 1, "60-74": 1])
        #expect(try service.figures(asOf: asOf, by: .status, staff: analyst) == ["(none)": 6])
    }
}

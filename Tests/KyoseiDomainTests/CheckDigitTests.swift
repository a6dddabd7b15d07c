import KyoseiDomain
import PropertyBased
import Testing

@Suite struct MunicipalityCodeTests {
    @Test(arguments: ["221309", "232114", "131041"])
    func acceptsRealCities(code: String) throws {
        #expect(try MunicipalityCode(code).rawValue == code)
    }

    @Test func namesTheExpectedCheckDigit() {
        #expect(throws: ValidationError(field: "municipality code", value: "221308", reason: "check digit should be 9")) {
            try MunicipalityCode("221308")
        }
    }

    @Test(arguments: ["22130", "2213090", "22130A", "", "２２１３０９"])
    func refusesBadShapes(code: String) {
        #expect(throws: ValidationError.self) { try MunicipalityCode(code) }
    }

    @Test func everyWrongCheckDigitIsCaught() async {
        await propertyCheck(input: Gen.int(in: 0...99_999)) { n in
            let body = String(String(n).reversed()).padding(toLength: 5, withPad: "0", startingAt: 0)
            let good = MunicipalityCode.checkDigit(forFirstFive: body)
            #expect((try? MunicipalityCode(body + String(good))) != nil)
            for wrong in 0...9 where wrong != good {
                #expect(throws: ValidationError(field: "municipality code", value: body + String(wrong),
                                                reason: "check digit should be \(good)")) {
                    try MunicipalityCode(body + String(wrong))
                }
            }
        }
    }
}

@Suite struct CorporateNumberTests {
    @Test func acceptsTheSpecExample() throws {
        #expect(try CorporateNumber("1180301018771").rawValue == "1180301018771")
    }

    @Test func everyWrongCheckDigitIsCaught() async {
        await propertyCheck(input: Gen.int(in: 0...999_999_999_999)) { n in
            let digits = String(n)
            let body = String(repeating: "0", count: 12 - digits.count) + digits
            let good = CorporateNumber.checkDigit(forBody: body)
            #expect((try? CorporateNumber(String(good) + body)) != nil)
            for wrong in 0...9 where wrong != good {
                #expect(throws: ValidationError.self) { try CorporateNumber(String(wrong) + body) }
            }
        }
    }

    @Test func employerIDTakesLabourInsuranceNumbers() throws {
        #expect(try EmployerID("L12345678901234") == .labourInsurance("12345678901234"))
        #expect(throws: ValidationError.self) { try EmployerID("L1234") }
        #expect(throws: ValidationError.self) { try EmployerID("2180301018771") }
    }
}

@Suite struct IdentifierShapeTests {
    @Test func residenceCardShape() throws {
        #expect(try ResidenceCardNumber("AB12345678CD").rawValue == "AB12345678CD")
        for bad in ["ab12345678cd", "AB1234567CD", "AB12345678C1", "1B12345678CD", "AB12345678CDE", ""] {
            #expect(throws: ValidationError.self) { try ResidenceCardNumber(bad) }
        }
    }

    @Test func anyCardOfTheRightShapeIsAccepted() async {
        let letter = Gen.element(of: Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")).map { $0! }
        await propertyCheck(input: letter.array(of: 4), Gen.int(in: 0...99_999_999)) { letters, n in
            let digits = String(n)
            let text = String(letters[0...1]) + String(repeating: "0", count: 8 - digits.count) + digits + String(letters[2...3])
            #expect(ResidenceCardNumber.looksValid(text))
            #expect(!ResidenceCardNumber.looksValid(text.lowercased()))
        }
    }

    @Test func personAndHouseholdIDs() throws {
        #expect(try PersonID("12345678901").rawValue == "12345678901")
        #expect(throws: ValidationError(field: "person id", value: "1234567890", reason: "must be 11 digits")) {
            try PersonID("1234567890")
        }
        #expect(try HouseholdID("1234567890").rawValue == "1234567890")
        #expect(throws: ValidationError.self) { try HouseholdID("12345678901") }
    }

    @Test func postalAndDistrictCodes() throws {
        #expect(try PostalCode("430-0946").rawValue == "430-0946")
        #expect(throws: ValidationError.self) { try PostalCode("4300946") }
        #expect(try DistrictCode("D07").rawValue == "D07")
        #expect(throws: ValidationError.self) { try DistrictCode("07") }
    }

    @Test func nationalityIsAnAssignedCode() throws {
        #expect(try Nationality("BR").rawValue == "BR")
        #expect(try Nationality("XX") == .stateless)
        for bad in ["br", "BRA", "ZZ", ""] {
            #expect(throws: ValidationError.self) { try Nationality(bad) }
        }
    }
}

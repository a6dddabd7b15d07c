import KyoseiDomain
import PropertyBased
import Testing

private func d(_ text: String) -> LocalDate { try! LocalDate(text) }

@Suite struct NHIExclusionTests {
    private func excluded(_ status: StatusOfResidence?, _ designation: Designation?, assistance: Bool = false,
                          on day: String = "2026-07-01") -> NHIExclusion? {
        NHIExclusion.applying(status: status, designation: designation, publicAssistance: assistance, on: d(day))
    }

    @Test func medicalStayAndLongStayTourismAndTheirCompanions() {
        #expect(excluded(.designated, .medicalStay) == .medicalStay)
        #expect(excluded(.designated, .medicalStayCompanion) == .medicalStay)
        #expect(excluded(.designated, .longStayTourism) == .longStayTourism)
        #expect(excluded(.designated, .longStayTourismCompanion) == .longStayTourism)
        #expect(excluded(.designated, .workingHoliday) == nil)
        #expect(excluded(.designated, .other) == nil)
        #expect(excluded(.designated, nil) == nil, "an unknown designation is under NHI until staff record it")
        #expect(excluded(.longTerm, .medicalStay) == nil, "a designation means nothing without the status")
    }

    @Test func publicAssistanceExcludesWhateverTheStatus() {
        #expect(excluded(.permanent, nil, assistance: true) == .publicAssistance)
        #expect(excluded(nil, nil, assistance: true) == .publicAssistance)
        #expect(excluded(.permanent, nil) == nil)
    }

    @Test func theExpoExclusionEndsOnTheLastDayOfMarch2028() {
        #expect(excluded(.designated, .expo2027Participant, on: "2028-03-31") == .expo2027)
        #expect(excluded(.designated, .expo2027Participant, on: "2028-04-01") == nil)
    }

    @Test func everyExclusionNamesItsSource() {
        for e in NHIExclusion.allCases {
            #expect(e.source.contains("National Health Insurance Act art. 6"))
            #expect(!e.reason.isEmpty)
        }
    }
}

@Suite struct SocialSecurityAgreementTests {
    private let us = try! Nationality("US")

    @Test func theTableHasOneDatedAgreementACountry() {
        let all = SocialSecurityAgreements.all
        #expect(all.count == 24)
        #expect(Set(all.map(\.country)).count == all.count)
        #expect(all.allSatisfy { $0.covers(.pension) && $0.maxSecondmentYears == 5 && $0.inForce.day == 1 })
        let pensionOnlyNoTotalisation = all.filter { !$0.totalisation }.map(\.country.rawValue)
        #expect(Set(pensionOnlyNoTotalisation) == ["GB", "KR", "CN", "IT"])
        let health = all.filter { $0.covers(.health) }.map(\.country.rawValue)
        #expect(Set(health) == ["US", "BE", "FR", "NL", "CZ", "CH", "HU", "LU"])
        #expect(AgreementTable.enacted.with(us)?.inForce == d("2005-10-01"))
        #expect(AgreementTable.enacted.inForce(with: try! Nationality("AT"), on: d("2025-11-30")) == nil)
        #expect(AgreementTable.enacted.inForce(with: try! Nationality("AT"), on: d("2025-12-01")) != nil)
        #expect(AgreementTable.enacted.with(try! Nationality("VN")) == nil)
    }

    @Test func aSecondedWorkerIsExemptUntilTheCertificateEnds() throws {
        let cert = try CertificateOfCoverage(country: us, from: d("2024-04-01"), until: d("2027-03-31"))
        for branch in [InsuranceScheme.Branch.pension, .health] {
            #expect(AgreementExemption.exempts(branch, seconded: true, certificate: cert, on: d("2027-03-31")).applies)
            #expect(!AgreementExemption.exempts(branch, seconded: true, certificate: cert, on: d("2027-04-01")).applies)
            #expect(!AgreementExemption.exempts(branch, seconded: true, certificate: cert, on: d("2024-03-31")).applies)
        }
        #expect(!AgreementExemption.exempts(.employment, seconded: true, certificate: cert, on: d("2026-01-01")).applies)
    }

    @Test func aLocalHireOrACertificateMissingIsNotExempt() throws {
        let cert = try CertificateOfCoverage(country: us, from: d("2024-04-01"), until: d("2027-03-31"))
        #expect(!AgreementExemption.exempts(.pension, seconded: false, certificate: cert, on: d("2026-01-01")).applies)
        #expect(!AgreementExemption.exempts(.pension, seconded: true, certificate: nil, on: d("2026-01-01")).applies)
    }

    @Test func aPensionOnlyAgreementLeavesHealth() throws {
        let cert = try CertificateOfCoverage(country: Nationality("BR"), from: d("2025-01-01"), until: d("2029-12-31"))
        #expect(AgreementExemption.exempts(.pension, seconded: true, certificate: cert, on: d("2026-01-01")).applies)
        #expect(!AgreementExemption.exempts(.health, seconded: true, certificate: cert, on: d("2026-01-01")).applies)
    }

    @Test func certificatesAreValidated() throws {
        #expect(throws: ValidationError.self) { try CertificateOfCoverage(country: self.us, from: d("2026-01-01"), until: d("2025-12-31")) }
        #expect(throws: ValidationError.self) { try CertificateOfCoverage(country: Nationality("VN"), from: d("2026-01-01"), until: d("2027-01-01")) }
        #expect(throws: ValidationError.self) { try CertificateOfCoverage(country: self.us, from: d("2005-09-30"), until: d("2007-01-01")) }
        #expect(try CertificateOfCoverage(country: us, from: d("2020-01-01"), until: d("2025-01-01")).exceedsUsualSecondment)
        #expect(try !CertificateOfCoverage(country: us, from: d("2020-01-01"), until: d("2024-12-31")).exceedsUsualSecondment)
    }

    @Test func exemptExactlyWhileTheCertificateRuns() async {
        let start = d("2024-04-01").dayNumber
        await propertyCheck(input: Gen.int(in: 0...2000), Gen.int(in: -100...2100)) { length, offset in
            let cert = try! CertificateOfCoverage(country: us, from: LocalDate(dayNumber: start),
                                                  until: LocalDate(dayNumber: start + length))
            let day = LocalDate(dayNumber: start + offset)
            #expect(AgreementExemption.exempts(.pension, seconded: true, certificate: cert, on: day).applies == (0...length).contains(offset))
        }
    }
}

@Suite struct CoverageGapPriorityTests {
    /// A permanent resident's pension or health gap turns high on 2027-04-01 with a reason; an
    /// employment-insurance gap, and anyone else's pension gap, stay as they were.
    @Test func permanentResidentsGapsTurnHighFromApril2027() {
        #expect(CoverageGapPriority.assess(.pension, status: .permanent, on: d("2027-03-31")) == (.normal, nil))
        let after = CoverageGapPriority.assess(.pension, status: .permanent, on: d("2027-04-01"))
        #expect(after.priority == .high)
        #expect(after.reason?.contains("permanent residence") == true)
        #expect(CoverageGapPriority.assess(.health, status: .permanent, on: d("2027-04-01")).reason != nil)
        #expect(CoverageGapPriority.assess(.employment, status: .permanent, on: d("2027-04-01")) == (.normal, nil))
        #expect(CoverageGapPriority.assess(.pension, status: .longTerm, on: d("2027-04-01")) == (.normal, nil))
        #expect(CoverageGapPriority.assess(.health, status: .longTerm, on: d("2026-01-01")) == (.high, nil))
    }
}

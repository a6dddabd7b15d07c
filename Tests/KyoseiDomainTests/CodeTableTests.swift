import KyoseiDomain
import Testing

@Suite struct CodeTableTests {
    @Test func statusTableMatchesCodesMd() throws {
        #expect(StatusOfResidence.allCases.count == 36)
        #expect(try StatusOfResidence(code: "PERMANENT").workClass == .any)
        #expect(try StatusOfResidence(code: "TITP_2").workClass == .activity)
        #expect(try StatusOfResidence(code: "STUDENT").workClass == .none)
        #expect(try StatusOfResidence(code: "CULTURAL").table == .i3)
        #expect(try StatusOfResidence(code: "DESIGNATED").workClass == .review)
        #expect(try StatusOfResidence(code: "HSP_1B").table == .i2)
        #expect(StatusOfResidence.temporaryVisitor.mayBeRegistered == false)
        #expect(throws: ValidationError.self) { try StatusOfResidence(code: "SPECIAL_PERMANENT") }
    }

    @Test func esdExistsOnlyFromApril2027() throws {
        #expect(throws: ValidationError(field: "status of residence", value: "ESD", reason: "is valid only from 2027-04-01")) {
            try StatusOfResidence.validated("ESD", on: LocalDate("2027-03-31"))
        }
        #expect(try StatusOfResidence.validated("ESD", on: LocalDate("2027-04-01")) == .esd)
    }

    @Test func unknownCodesListWhatIsAllowed() {
        do {
            _ = try RegisterState(code: "GONE")
            Issue.record("accepted an unknown state")
        } catch let error as ValidationError {
            #expect(error.reason.contains("REGISTERED"))
            #expect(error.reason.contains("UNREGISTERED_SERVED"))
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func sexZeroIsNotStated() throws {
        #expect(try Sex(code: "0") == .notStated)
        #expect(try Sex(code: "2") == .female)
        #expect(throws: ValidationError.self) { try Sex(code: "3") }
    }

    @Test func registerStatesFollowTheEvents() {
        #expect(RegisterState.after(.moveOut) == .movedOut)
        #expect(RegisterState.after(.death) == .deceased)
        #expect(RegisterState.after(.departureReentry) == .abroad)
        #expect(RegisterState.after(.deletedExOfficio) == .deletedExOfficio)
        for event in RegisterEvent.allCases where ![.moveOut, .death, .departureReentry, .deletedExOfficio].contains(event) {
            #expect(RegisterState.after(event) == .registered)
        }
        #expect(RegisterState.abroad.afterSnapshotListing() == .abroad)
        #expect(RegisterState.leftRegister.afterSnapshotListing() == .registered)
        #expect(RegisterState.registered.afterSnapshotOmission() == .leftRegister)
        #expect(RegisterState.deceased.afterSnapshotOmission() == .deceased)
    }

    @Test func categoriesSayWhatTheyRequire() {
        #expect(ResidentCategory.midLongTerm.requiresCardNumber)
        #expect(ResidentCategory.specialPermanent.requiresCardNumber)
        #expect(!ResidentCategory.specialPermanent.requiresStatusOfResidence)
        #expect(!ResidentCategory.birthTransitional.requiresCardNumber)
    }

    @Test func permissionMatrixKeepsAnalystsToAggregates() {
        #expect(PermissionMatrix.allows(.analyst, .aggregateReport))
        #expect(!PermissionMatrix.allows(.analyst, .residentRead))
        #expect(!PermissionMatrix.allows(.clerk, .staffManage))
        #expect(!PermissionMatrix.allows(.caseworker, .personalExport))
        #expect(PermissionMatrix.allows(.supervisor, .personalExport))
        for permission in Permission.allCases {
            #expect(PermissionMatrix.allows(.admin, permission))
        }
    }

    /// A bulk list checks `export.personal` alone, which is sound only while every role that may
    /// export people may also read them one by one.
    @Test func whoeverMayExportPeopleMayReadThem() {
        for role in Role.allCases where PermissionMatrix.allows(role, .personalExport) {
            #expect(PermissionMatrix.allows(role, .residentRead), "\(role)")
        }
    }
}
